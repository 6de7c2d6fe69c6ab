package org.megaeth.chain.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.megaeth.core.util.NativeLibraryDirectory;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's JNI library so that no copy of it outlives the process.
 *
 * <p>{@link RocksDB#loadLibrary()} extracts the ~17 MB library into a new file in {@code /tmp} on
 * every start and leaves it there when the process is killed; here it is extracted into a {@link
 * NativeLibraryDirectory}, loaded, and deleted at once. If the jar holds no library for this
 * platform, or the extraction fails (a read-only temporary directory), RocksDB's own loader runs
 * instead, with its own error if that fails too.
 */
public final class RocksDbLibrary {
  private static boolean loaded;

  private RocksDbLibrary() {}

  /** Loads the library once per JVM; later calls return at once. */
  public static synchronized void load() {
    if (loaded) {
      return;
    }
    String resource = Environment.getJniLibraryFileName("rocksdb");
    try (InputStream in = RocksDB.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        RocksDB.loadLibrary(); // it also looks in java.library.path
      } else {
        loadExtracted(in);
      }
    } catch (IOException | UnsatisfiedLinkError e) {
      RocksDB.loadLibrary(); // the fallback described above, with RocksDB's own errors
    }
    loaded = true;
  }

  private static void loadExtracted(InputStream library) throws IOException {
    try (NativeLibraryDirectory dir = NativeLibraryDirectory.create("megaeth-rocksdb-")) {
      // RocksDB.loadLibrary(paths) loads <path>/<Environment.getJniLibraryFileName(name)> for a
      // name of its choice, which in rocksdbjni 11.x is "rocksdbjni" (giving
      // "librocksdbjnijni-linux64.so"), not the jar's "rocksdb". Both names are written (the second
      // as a hard link), so a correction of that name upstream keeps working.
      Path copy = dir.path().resolve(Environment.getJniLibraryFileName("rocksdb"));
      Files.copy(library, copy);
      try {
        Files.createLink(dir.path().resolve(Environment.getJniLibraryFileName("rocksdbjni")), copy);
      } catch (FileAlreadyExistsException sameName) {
        // Both names are the same: nothing to link.
      }
      RocksDB.loadLibrary(List.of(dir.path().toString()));
    }
  }
}
