package org.megaeth.chain.storage;

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
import org.rocksdb.RocksDB;

class RocksDbLibraryTest {
  @TempDir Path dir;

  @Test
  void shouldLoadOnceAndAnswerNativeCalls() {
    RocksDbLibrary.load();
    RocksDbLibrary.load();
    assertThat(RocksDB.rocksdbVersion().getMajor()).isPositive();
  }

  /**
   * RocksDB's own loader leaves a 17 MB copy of the library in the temporary directory of every
   * process that is killed; a crash-looping node would fill /tmp. A process that loaded it through
   * {@link RocksDbLibrary}, opened a store and was killed with SIGKILL leaves nothing there.
   */
  @Test
  void shouldLeaveNothingInTheTemporaryDirectoryOfAKilledProcess() throws Exception {
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                CommitLoop.class.getName(),
                dir.resolve("db").toString())
            .redirectErrorStream(true)
            .start();
    boolean committed = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (!committed && (line = out.readLine()) != null) {
        committed = line.startsWith("committed ");
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(committed).as("the child opened the store and committed").isTrue();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("files left in the killed process's temporary directory").isEmpty();
    }
  }
}
