package org.megaeth.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSecp256k1LoadTest {
  @TempDir Path tmp;

  /**
   * The JNI binding's own loader leaves a copy of libsecp256k1 and a lock file in the temporary
   * directory of every process that is killed. A process that loaded it here and was killed with
   * SIGKILL leaves nothing there.
   */
  @Test
  void shouldLeaveNothingInTheTemporaryDirectoryOfAKilledProcess() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                NativeLoadChild.class.getName())
            .redirectErrorStream(true)
            .start();
    String loaded = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (loaded == null && (line = out.readLine()) != null) {
        loaded = line.startsWith("loaded ") ? line : null;
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(loaded).isEqualTo("loaded libsecp256k1");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("files left in the killed process's temporary directory").isEmpty();
    }
  }
}
