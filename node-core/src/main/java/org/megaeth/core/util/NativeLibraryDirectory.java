package org.megaeth.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A fresh private directory to load a JNI library from, deleted as soon as the library is loaded.
 *
 * <p>Why: the JNI bindings this node uses (RocksDB, libsecp256k1) extract their library from the
 * jar into the shared temporary directory on every start and delete it only in a shutdown hook. A
 * process that is killed (SIGKILL, the OOM killer, {@code -XX:+ExitOnOutOfMemoryError}) never runs
 * the hook, so a crash-looping node fills {@code /tmp} with a copy per restart (17 MB for RocksDB).
 * A directory from {@link Files#createTempDirectory} is readable only by its owner (0700), so no
 * other user can swap the file before it is loaded, and on Linux and macOS a loaded library stays
 * mapped after its file is deleted. Only a kill in the milliseconds between extraction and {@link
 * #close} leaves anything behind.
 */
public final class NativeLibraryDirectory implements AutoCloseable {
  private final Path path;

  private NativeLibraryDirectory(Path path) {
    this.path = path;
  }

  /** Creates the directory under {@code java.io.tmpdir}; {@code prefix} names its user. */
  public static NativeLibraryDirectory create(String prefix) throws IOException {
    return new NativeLibraryDirectory(Files.createTempDirectory(prefix));
  }

  public Path path() {
    return path;
  }

  /**
   * Deletes the directory and what is in it (one level: libraries and lock files). Windows cannot
   * delete a loaded library; there the files go when the JVM exits normally.
   */
  @Override
  public void close() {
    try (Stream<Path> files = Files.list(path)) {
      for (Path file : files.toList()) {
        deleteOrLater(file);
      }
    } catch (IOException e) {
      // Left for the system's temporary-file cleaning; the library is loaded either way.
    }
    deleteOrLater(path);
  }

  private static void deleteOrLater(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
