package org.megaeth.core.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * #close} leaves anything behind, and the next start deletes that ({@link #create}).
 */
public final class NativeLibraryDirectory implements AutoCloseable {
  private final Path path;

  private NativeLibraryDirectory(Path path) {
    this.path = path;
  }

  /**
   * Creates the directory under {@code java.io.tmpdir}, named {@code <prefix><pid>-<random>}; first
   * deletes any such directory left by a process that no longer runs (one killed while it loaded),
   * so leftovers never pile up. {@code prefix} names the library, e.g. {@code megaeth-rocksdb-}.
   */
  public static NativeLibraryDirectory create(String prefix) throws IOException {
    return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
  }

  /** {@link #create(String)} under {@code tmp}. */
  static NativeLibraryDirectory create(Path tmp, String prefix) throws IOException {
    deleteLeftovers(tmp, prefix);
    long pid = ProcessHandle.current().pid();
    return new NativeLibraryDirectory(Files.createTempDirectory(tmp, prefix + pid + "-"));
  }

  private static void deleteLeftovers(Path tmp, String prefix) {
    try (Stream<Path> entries = Files.list(tmp)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(prefix) || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String rest = name.substring(prefix.length());
        int dash = rest.indexOf('-');
        if (dash <= 0) {
          continue;
        }
        try {
          long owner = Long.parseLong(rest.substring(0, dash));
          if (ProcessHandle.of(owner).isEmpty()) {
            new NativeLibraryDirectory(entry).close();
          }
        } catch (NumberFormatException notOurs) {
          // Some other program's directory with a similar name: not touched.
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Cleaning is best effort; the new directory does not depend on it.
    }
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
