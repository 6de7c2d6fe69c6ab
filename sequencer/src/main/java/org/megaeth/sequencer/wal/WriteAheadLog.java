package org.megaeth.sequencer.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of typed records in segment files, made durable with group commit: the
 * sequencer logs each mini-block here before anything it caused is visible (DESIGN.md section 6).
 *
 * <p>{@link #append} only queues the record and returns its sequence at once. A dedicated log
 * thread takes everything queued, writes it with one or a few {@code write} calls, calls {@code
 * FileChannel.force(false)} once, and then completes the durability futures of the whole batch, in
 * sequence order. While it waits for the disk, new appends queue up for the next batch, so the
 * number of fsyncs per second is bounded by the disk's latency, not by the append rate.
 *
 * <p>Crash safety: a crash can only cut the last batch short, and none of its records was
 * acknowledged. {@link #open} finds such a torn tail by length and checksum and truncates it,
 * keeping everything before. A bad record followed by valid ones is damage, not a torn write, and
 * is reported ({@link WalCorruptionException}) rather than skipped. Segments are created with their
 * header complete (written to a temporary file, forced, renamed, directory forced) and a full
 * segment is forced before the next one starts, so only the last segment can have a torn tail.
 *
 * <p>A failed write or fsync poisons the log: its pending and later appends fail with the error.
 * After a failed fsync the kernel may have dropped the dirty pages, so retrying could acknowledge
 * data that is not on disk (the PostgreSQL "fsyncgate" lesson); the process must restart and
 * recover from the files.
 *
 * <p>Thread-safe: any thread may append; records get sequences in the order their appends take the
 * queue lock. Durability futures complete on the log thread, so dependent actions that are not
 * {@code *Async} run there and delay the next batch: keep them short.
 */
public final class WriteAheadLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteAheadLog.class);

  /** Batches are encoded into a buffer this large and written when it fills. */
  private static final int WRITE_BUFFER = 1 << 20;

  private final Path directory;
  private final WalConfig config;

  /** First sequence to segment file; guarded by itself. The last entry is the active segment. */
  private final TreeMap<Long, Path> segments = new TreeMap<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private List<Pending> queue = new ArrayList<>();
  private long queuedBytes;
  private long nextSequence;
  private CompletableFuture<Void> lastDurable = CompletableFuture.completedFuture(null);
  private boolean closing;
  private Throwable failure;

  // Owned by the log thread after open.
  private FileChannel channel;
  private long activeSize;
  private long activeRecords;
  private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER);

  private volatile long durableEnd;
  private volatile long fsyncs;
  private volatile long fsyncNanos;
  private volatile long appends;
  private final Thread logThread;

  /** A record's sequence and a future completed once it is durable. */
  public record Appended(long sequence, CompletableFuture<Void> durable) {}

  private record Pending(long sequence, byte type, Bytes payload, CompletableFuture<Void> done) {}

  private WriteAheadLog(Path directory, WalConfig config) {
    this.directory = directory;
    this.config = config;
    this.logThread =
        Thread.ofPlatform().name("wal-" + directory.getFileName()).unstarted(this::run);
    logThread.setDaemon(true);
  }

  /**
   * Opens the log in {@code directory}, creating it empty (first sequence 0) when there is none.
   * Truncates a torn tail left by a crash.
   *
   * @throws WalCorruptionException when a segment header is damaged, segments overlap, or the last
   *     segment has a bad record followed by valid ones
   * @throws IOException when the directory cannot be read or written
   */
  public static WriteAheadLog open(Path directory, WalConfig config) throws IOException {
    Objects.requireNonNull(config, "config");
    WriteAheadLog log = new WriteAheadLog(directory, config);
    try {
      log.recover();
    } catch (IOException | RuntimeException e) {
      log.closeChannel();
      throw e;
    }
    log.logThread.start();
    return log;
  }

  private void recover() throws IOException {
    Files.createDirectories(directory);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        long first = SegmentFormat.parseFileName(name);
        if (first >= 0) {
          segments.put(first, file);
        } else if (name.endsWith(SegmentFormat.SUFFIX + ".tmp")) {
          Files.delete(file); // a segment whose creation a crash interrupted: never used
        }
      }
    }
    if (segments.isEmpty()) {
      createSegment(0);
      nextSequence = 0;
    } else {
      for (var e : segments.entrySet()) {
        if (e.getKey() != segments.lastKey()) { // the last one is checked by the scan below
          new SegmentFormat.Reader(e.getValue(), e.getKey(), config.maxRecordBytes(), -1).close();
        }
      }
      long first = segments.lastKey();
      Path path = segments.get(first);
      long end;
      long records;
      try (SegmentFormat.Reader reader =
          new SegmentFormat.Reader(path, first, config.maxRecordBytes(), -1)) {
        end = scanTail(reader);
        records = reader.sequence() - first;
      }
      channel = FileChannel.open(path, StandardOpenOption.WRITE);
      if (channel.size() > end) {
        LOG.warn(
            "Truncating the torn tail of write-ahead log segment {}: {} bytes from offset {}",
            path,
            channel.size() - end,
            end);
        channel.truncate(end);
        channel.force(true);
      }
      channel.position(end);
      activeSize = end;
      activeRecords = records;
      nextSequence = first + records;
    }
    durableEnd = nextSequence;
  }

  /** Reads the active segment to its last valid record; returns that record's end offset. */
  private static long scanTail(SegmentFormat.Reader reader) throws IOException {
    while (true) {
      switch (reader.next()) {
        case SegmentFormat.Ok ok -> {}
        case SegmentFormat.End end -> {
          return reader.offset();
        }
        case SegmentFormat.Bad bad -> {
          if (!bad.runsPastEnd() && reader.validRecordFollows(bad)) {
            throw new WalCorruptionException(
                reader.path,
                bad.offset(),
                reader.sequence(),
                bad.reason() + ", valid records follow");
          }
          return bad.offset();
        }
      }
    }
  }

  // ---------------------------------------------------------------- appending

  /**
   * Queues a record and returns its sequence and a future completed once it is on disk (or
   * completed exceptionally if the log fails first). Blocks while the queue holds more than {@link
   * WalConfig#maxQueuedBytes()}.
   *
   * @throws IllegalArgumentException when the payload is larger than {@link
   *     WalConfig#maxRecordBytes()}
   * @throws IllegalStateException when the log is closed or has failed
   */
  public Appended append(byte type, Bytes payload) {
    if (payload.size() > config.maxRecordBytes()) {
      throw new IllegalArgumentException(
          "record of " + payload.size() + " bytes above the limit of " + config.maxRecordBytes());
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    lock.lock();
    try {
      // The log thread may append from a completion callback; it must never wait for itself.
      while (queuedBytes > 0
          && queuedBytes + payload.size() > config.maxQueuedBytes()
          && Thread.currentThread() != logThread
          && failure == null
          && !closing) {
        notFull.awaitUninterruptibly();
      }
      if (failure != null) {
        throw new IllegalStateException("the write-ahead log has failed", failure);
      }
      if (closing) {
        throw new IllegalStateException("the write-ahead log is closed");
      }
      long sequence = nextSequence++;
      queue.add(new Pending(sequence, type, payload, done));
      queuedBytes += payload.size();
      lastDurable = done;
      notEmpty.signal();
      return new Appended(sequence, done);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every record appended so far is durable. */
  public void sync() throws IOException {
    CompletableFuture<Void> last;
    lock.lock();
    try {
      last = lastDurable;
    } finally {
      lock.unlock();
    }
    try {
      last.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the write-ahead log", e);
    } catch (ExecutionException e) {
      throw new IOException("the write-ahead log failed", e.getCause());
    }
  }

  /** The sequence the next append gets. */
  public long nextSequence() {
    lock.lock();
    try {
      return nextSequence;
    } finally {
      lock.unlock();
    }
  }

  /** Every record with a lower sequence than this is durable. */
  public long durableEnd() {
    return durableEnd;
  }

  /** The lowest sequence still in the log (older segments were deleted). */
  public long firstSequence() {
    synchronized (segments) {
      return segments.firstKey();
    }
  }

  /** Fsyncs of segment data so far, for benchmarks and tests of group commit. */
  public long fsyncCount() {
    return fsyncs;
  }

  /** Time spent in those fsyncs, in nanoseconds (the log thread's clock), for metrics. */
  public long fsyncNanos() {
    return fsyncNanos;
  }

  /** Records written so far (in this process). */
  public long appendCount() {
    return appends;
  }

  // ---------------------------------------------------------------- log thread

  private void run() {
    while (true) {
      List<Pending> batch;
      lock.lock();
      try {
        while (queue.isEmpty() && !closing) {
          notEmpty.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          return; // closing, everything written
        }
        batch = queue;
        queue = new ArrayList<>();
        queuedBytes = 0;
        notFull.signalAll();
      } finally {
        lock.unlock();
      }
      try {
        write(batch);
      } catch (IOException | RuntimeException e) {
        fail(batch, e);
        return;
      }
      durableEnd = batch.getLast().sequence() + 1;
      appends += batch.size();
      for (Pending p : batch) {
        p.done().complete(null);
      }
    }
  }

  /** Writes a batch to the active segment (rolling over as needed) and forces it. */
  private void write(List<Pending> batch) throws IOException {
    writeBuffer.clear();
    for (Pending p : batch) {
      int length = p.payload().size();
      long frame = SegmentFormat.FRAME_BYTES + (long) length;
      if (activeRecords > 0 && activeSize + frame > config.segmentBytes()) {
        flushBuffer();
        force();
        roll(p.sequence());
      }
      byte[] payload = p.payload().toArrayUnsafe();
      int crc = SegmentFormat.checksum(p.sequence(), length, p.type(), payload, 0, length);
      if (writeBuffer.remaining() < SegmentFormat.FRAME_BYTES) {
        flushBuffer();
      }
      writeBuffer.putInt(length).putInt(crc).put(p.type());
      if (length <= writeBuffer.remaining()) {
        writeBuffer.put(payload, 0, length);
      } else {
        flushBuffer();
        if (length <= writeBuffer.capacity()) {
          writeBuffer.put(payload, 0, length);
        } else {
          writeFully(ByteBuffer.wrap(payload));
        }
      }
      activeSize += frame;
      activeRecords++;
    }
    flushBuffer();
    force();
  }

  private void flushBuffer() throws IOException {
    writeBuffer.flip();
    writeFully(writeBuffer);
    writeBuffer.clear();
  }

  private void writeFully(ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      channel.write(src);
    }
  }

  private void force() throws IOException {
    long start = System.nanoTime();
    channel.force(false); // fdatasync: the data and the file size, not the mtime
    fsyncNanos += System.nanoTime() - start; // one writer, the log thread: no lost updates
    fsyncs++;
  }

  private void roll(long firstSequence) throws IOException {
    channel.close();
    createSegment(firstSequence);
  }

  /** Creates a segment with a complete header and makes it the active one. */
  private void createSegment(long firstSequence) throws IOException {
    Path path = directory.resolve(SegmentFormat.fileName(firstSequence));
    Path tmp = directory.resolve(path.getFileName() + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeAll(out, SegmentFormat.header(firstSequence));
      out.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(directory);
    channel = FileChannel.open(path, StandardOpenOption.WRITE);
    channel.position(SegmentFormat.HEADER_BYTES);
    activeSize = SegmentFormat.HEADER_BYTES;
    activeRecords = 0;
    synchronized (segments) {
      segments.put(firstSequence, path);
    }
  }

  private static void writeAll(FileChannel out, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      out.write(src);
    }
  }

  /** Makes a directory's entries (created, renamed, deleted files) durable. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  private void fail(List<Pending> batch, Throwable e) {
    LOG.error("The write-ahead log in {} failed; no further record is accepted", directory, e);
    List<Pending> rest;
    lock.lock();
    try {
      failure = e;
      rest = queue;
      queue = new ArrayList<>();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
    for (Pending p : batch) {
      p.done().completeExceptionally(e);
    }
    for (Pending p : rest) {
      p.done().completeExceptionally(e);
    }
  }

  // ---------------------------------------------------------------- reading and truncation

  /**
   * Reads the durable records from {@code fromSequence} on, oldest first, up to {@link
   * #durableEnd()} as of this call. The reader checks every record and throws {@link
   * WalCorruptionException} at the first bad one. Deleting segments it has yet to reach makes it
   * fail; replay before truncating.
   *
   * @throws IllegalArgumentException when {@code fromSequence} is below {@link #firstSequence()} or
   *     above {@link #durableEnd()}
   */
  public WalReader read(long fromSequence) throws IOException {
    long end = durableEnd;
    TreeMap<Long, Path> view;
    synchronized (segments) {
      view = new TreeMap<>(segments);
    }
    if (fromSequence < view.firstKey() || fromSequence > end) {
      throw new IllegalArgumentException(
          "sequence "
              + fromSequence
              + " is not in the log, which holds "
              + view.firstKey()
              + " to "
              + (end - 1));
    }
    return new WalReader(
        view.tailMap(view.floorKey(fromSequence), true), fromSequence, end, config);
  }

  /**
   * Deletes the segments all of whose records have a sequence below {@code sequence} (a snapshot
   * covers them). The active segment is never deleted. Returns how many were deleted.
   */
  public int deleteBefore(long sequence) throws IOException {
    List<Path> doomed = new ArrayList<>();
    synchronized (segments) {
      while (segments.size() > 1) {
        Long first = segments.firstKey();
        Long second = segments.higherKey(first);
        if (second > sequence) {
          break; // the segment holds a record at or after the sequence
        }
        doomed.add(segments.remove(first));
      }
    }
    for (Path path : doomed) {
      Files.delete(path);
    }
    if (!doomed.isEmpty()) {
      forceDirectory(directory);
    }
    return doomed.size();
  }

  // ---------------------------------------------------------------- closing

  /** Writes and forces everything queued, then closes. Idempotent. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      closing = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
    if (Thread.currentThread() != logThread) {
      try {
        logThread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while closing the write-ahead log", e);
      }
    }
    closeChannel();
    Throwable failed;
    lock.lock();
    try {
      failed = failure;
    } finally {
      lock.unlock();
    }
    if (failed != null) {
      throw new IOException("the write-ahead log had failed", failed);
    }
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
