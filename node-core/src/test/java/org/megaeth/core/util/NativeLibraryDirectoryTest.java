package org.megaeth.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryDirectoryTest {
  private static final String PREFIX = "megaeth-test-";

  @TempDir Path tmp;

  @Test
  void shouldDeleteItselfAndWhatItHoldsWhenClosed() throws IOException {
    Path dir;
    try (NativeLibraryDirectory library = NativeLibraryDirectory.create(tmp, PREFIX)) {
      dir = library.path();
      assertThat(dir.getParent()).isEqualTo(tmp);
      assertThat(dir.getFileName().toString())
          .startsWith(PREFIX + ProcessHandle.current().pid() + "-");
      Files.writeString(dir.resolve("libexample.so"), "x");
      Files.writeString(dir.resolve("libexample.so.lck"), "");
    }
    assertThat(dir).doesNotExist();
  }

  /**
   * A process killed while it loaded a library leaves its directory; the next one to create a
   * directory of the same kind deletes it, and only it: not a running process's, not another
   * program's.
   */
  @Test
  void shouldDeleteDirectoriesLeftByProcessesThatNoLongerRun() throws IOException {
    // Linux pids stay below 2^22, so this one never runs.
    Path dead = Files.createDirectory(tmp.resolve(PREFIX + "999999999-1"));
    Files.writeString(dead.resolve("libexample.so"), "x");
    Path running =
        Files.createDirectory(tmp.resolve(PREFIX + ProcessHandle.current().pid() + "-2"));
    Path notANumber = Files.createDirectory(tmp.resolve(PREFIX + "abc-3"));
    Path otherKind = Files.createDirectory(tmp.resolve("megaeth-other-999999999-4"));

    try (NativeLibraryDirectory library = NativeLibraryDirectory.create(tmp, PREFIX)) {
      assertThat(dead).doesNotExist();
      assertThat(running).isDirectory();
      assertThat(notANumber).isDirectory();
      assertThat(otherKind).isDirectory();
      assertThat(library.path()).isDirectory();
    }
  }
}
