package org.megaeth.da;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default DA backend: blobs kept as files on the local disk, so a single node, a test or a
 * devnet has the full DA flow (publish, commitment, fetch, check) without an external service.
 *
 * <p>One file per blob, holding its canonical encoding, at {@code <dir>/<block /
 * 10000>/<block>-<blob hash>.blob} (ten thousand blocks per directory keeps directories small; a
 * day at one block a second fills nine). A publish writes a temporary file, forces it, renames it
 * into place and forces the directory before its future completes, so a completed publish survives
 * a crash and a crash never leaves half a blob under a final name. Blobs are big (the witness of a
 * busy block), and files keep them out of a database's compactions.
 *
 * <p>Publishes run on the caller-provided executor (disk work, never a Netty or execution thread).
 * Fetches run on the calling thread and check the stored bytes against the commitment's hash, so a
 * damaged or swapped file is an error, never wrong data.
 */
public final class EmbeddedDaClient implements DataAvailabilityClient {
  public static final String NAME = "embedded";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDaClient.class);
  private static final long BLOCKS_PER_DIRECTORY = 10_000;
  private static final String SUFFIX = ".blob";

  private final Path directory;
  private final Executor executor;
  private final Object lock = new Object();
  private final Set<CompletableFuture<DaCommitment>> inFlight = new HashSet<>();
  private boolean closed;

  private EmbeddedDaClient(Path directory, Executor executor) {
    this.directory = directory;
    this.executor = executor;
  }

  /**
   * Opens the store in {@code directory} (creating it) and removes temporary files that a crash
   * left mid-publish.
   *
   * @param executor runs the publishes (disk writes and fsyncs)
   */
  public static EmbeddedDaClient open(Path directory, Executor executor) throws IOException {
    Files.createDirectories(directory);
    try (DirectoryStream<Path> buckets = Files.newDirectoryStream(directory, Files::isDirectory)) {
      for (Path bucket : buckets) {
        try (DirectoryStream<Path> temps =
            Files.newDirectoryStream(bucket, "*" + SUFFIX + ".tmp")) {
          for (Path tmp : temps) {
            LOG.info("Removing unfinished DA blob {}", tmp);
            Files.delete(tmp);
          }
        }
      }
    }
    return new EmbeddedDaClient(directory, executor);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<DaCommitment> publish(DaBlob blob) {
    CompletableFuture<DaCommitment> future = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new DaException("the embedded DA store is closed"));
      }
      inFlight.add(future);
    }
    try {
      executor.execute(
          () -> {
            try {
              future.complete(store(blob));
            } catch (DaException | RuntimeException e) {
              future.completeExceptionally(e);
            } finally {
              synchronized (lock) {
                inFlight.remove(future);
              }
            }
          });
    } catch (RuntimeException e) { // a rejecting executor
      synchronized (lock) {
        inFlight.remove(future);
      }
      future.completeExceptionally(new DaException("cannot schedule the DA publish", e));
    }
    return future;
  }

  private DaCommitment store(DaBlob blob) throws DaException {
    Bytes encoded = blob.encode();
    DaCommitment commitment = DaCommitment.of(NAME, blob.blockNumber(), encoded);
    Path file = pathFor(commitment);
    Path bucket = file.getParent();
    try {
      if (Files.isRegularFile(file) && commitment.matches(Bytes.wrap(Files.readAllBytes(file)))) {
        forceDirectory(bucket); // published before; make sure its name is durable too
        return commitment;
      }
      if (!Files.isDirectory(bucket)) {
        Files.createDirectories(bucket);
        forceDirectory(directory);
      }
      Path tmp = bucket.resolve(file.getFileName() + ".tmp");
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer src = ByteBuffer.wrap(encoded.toArrayUnsafe());
        while (src.hasRemaining()) {
          out.write(src);
        }
        out.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(bucket);
      return commitment;
    } catch (IOException e) {
      throw new DaException("cannot store the DA blob of block " + blob.blockNumber(), e);
    }
  }

  @Override
  public Optional<DaBlob> fetch(DaCommitment commitment) throws DaException {
    if (!commitment.backend().equals(NAME)) {
      throw new DaException(
          "commitment for DA backend " + commitment.backend() + ", this one is " + NAME);
    }
    Path file = pathFor(commitment);
    Bytes encoded;
    try {
      encoded = Bytes.wrap(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new DaException("cannot read DA blob " + file, e);
    }
    if (!commitment.matches(encoded)) {
      throw new DaException(
          "DA blob "
              + file
              + " is damaged: its content does not hash to the commitment's "
              + commitment.blobHash());
    }
    DaBlob blob;
    try {
      blob = DaBlob.decode(encoded);
    } catch (DaException e) {
      throw new DaException("DA blob " + file + " does not decode", e);
    }
    if (blob.blockNumber() != commitment.blockNumber()) {
      throw new DaException(
          "DA blob "
              + file
              + " is of block "
              + blob.blockNumber()
              + ", the commitment of block "
              + commitment.blockNumber());
    }
    return Optional.of(blob);
  }

  /** Where the blob of {@code commitment} lives. */
  Path pathFor(DaCommitment commitment) {
    long block = commitment.blockNumber();
    String hash = commitment.blobHash().toHexString();
    if (hash.startsWith("0x")) {
      hash = hash.substring(2);
    }
    return directory
        .resolve(String.format("%010d", block / BLOCKS_PER_DIRECTORY))
        .resolve(String.format("%020d-%s%s", block, hash, SUFFIX));
  }

  /** Waits for accepted publishes, then refuses new ones. */
  @Override
  public void close() {
    List<CompletableFuture<DaCommitment>> pending;
    synchronized (lock) {
      closed = true;
      pending = new ArrayList<>(inFlight);
    }
    for (CompletableFuture<DaCommitment> f : pending) {
      try {
        f.join();
      } catch (CompletionException e) {
        // its caller sees the failure through the future
      }
    }
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }
}
