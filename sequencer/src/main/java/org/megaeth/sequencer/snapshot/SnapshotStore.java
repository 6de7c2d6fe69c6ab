package org.megaeth.sequencer.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.megaeth.trie.state.FrozenState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's snapshot directory: writes snapshots named by block number, keeps the newest
 * {@code keep} of them, and at restart finds the newest one that loads, skipping damaged ones with
 * a warning (so a crash or a bad disk sector costs replaying a longer log, not the node).
 *
 * <p>Writes are serialized on this object; they run on whatever thread calls {@link #write} (or on
 * the executor given to {@link #writeAsync}), reading a frozen view while the sequencer goes on.
 */
public final class SnapshotStore {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  private static final String PREFIX = "snapshot-";
  private static final String SUFFIX = ".snap";

  private final Path directory;
  private final int keep;

  /**
   * Opens (creating) the directory and removes temporary files a crash left mid-write.
   *
   * @param keep how many snapshots to keep, at least 1; keeping two or more survives one damaged
   */
  public SnapshotStore(Path directory, int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1: " + keep);
    }
    this.directory = directory;
    this.keep = keep;
    Files.createDirectories(directory);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*.tmp")) {
      for (Path file : files) {
        LOG.info("Removing unfinished snapshot {}", file);
        Files.delete(file);
      }
    }
  }

  public Path directory() {
    return directory;
  }

  /** The file name of the snapshot of block {@code blockNumber}. */
  public Path fileFor(long blockNumber) {
    return directory.resolve(String.format("%s%020d%s", PREFIX, blockNumber, SUFFIX));
  }

  /**
   * Writes a snapshot of {@code state} (atomically; see {@link SnapshotFile}) and deletes all but
   * the newest {@code keep}. A snapshot of the same block replaces the earlier one.
   */
  public synchronized SnapshotInfo write(FrozenState state, SnapshotMetadata metadata)
      throws IOException {
    long start = System.nanoTime();
    SnapshotInfo info = SnapshotFile.write(fileFor(metadata.blockNumber()), state, metadata);
    LOG.info(
        "Wrote snapshot of block {} ({} accounts, {} slots, {} codes, {} bytes) in {} ms",
        metadata.blockNumber(),
        info.accounts(),
        info.slots(),
        info.codes(),
        info.sizeBytes(),
        (System.nanoTime() - start) / 1_000_000);
    prune();
    return info;
  }

  /** {@link #write} on {@code executor}; the future fails with the write's exception. */
  public CompletableFuture<SnapshotInfo> writeAsync(
      FrozenState state, SnapshotMetadata metadata, Executor executor) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return write(state, metadata);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        executor);
  }

  /** The snapshot files, newest block first (not checked). */
  public List<Path> list() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      for (Path file : stream) {
        if (blockNumberOf(file) >= 0) {
          files.add(file);
        }
      }
    }
    files.sort(Comparator.comparingLong(SnapshotStore::blockNumberOf).reversed());
    return files;
  }

  /** Deletes all but the newest {@code keep} snapshots. */
  public synchronized void prune() throws IOException {
    List<Path> files = list();
    boolean deleted = false;
    for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
      Files.delete(old);
      deleted = true;
    }
    if (deleted) {
      SnapshotFile.forceDirectory(directory);
    }
  }

  /**
   * Loads the newest snapshot that is intact and gives its state root; damaged ones are skipped
   * with a warning. Empty when there is none (a fresh node starts from genesis).
   */
  public Optional<LoadedSnapshot> loadNewest(Executor executor) throws IOException {
    for (Path file : list()) {
      try {
        return Optional.of(SnapshotFile.read(file, executor));
      } catch (SnapshotException e) {
        LOG.warn("Skipping snapshot {}: {}", file, e.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * The metadata of the newest snapshot whose checksums hold, without loading it; damaged ones are
   * skipped with a warning.
   */
  public Optional<SnapshotMetadata> newestIntact() throws IOException {
    for (Path file : list()) {
      try {
        return Optional.of(SnapshotFile.verifyChecksums(file));
      } catch (SnapshotException e) {
        LOG.warn("Skipping snapshot {}: {}", file, e.getMessage());
      }
    }
    return Optional.empty();
  }

  private static long blockNumberOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
      return -1;
    }
    String digits = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
    if (digits.length() != 20 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }
}
