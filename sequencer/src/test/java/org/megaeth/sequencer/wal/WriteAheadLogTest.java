package org.megaeth.sequencer.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {
  private static final WalConfig CONFIG = WalConfig.DEFAULT;

  @TempDir Path dir;

  @Test
  void shouldReplayEveryRecordWhenReopened() throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      for (int i = 0; i < 100; i++) {
        assertThat(log.append(WalTestData.type(i), WalTestData.payload(i, 300)).sequence())
            .isEqualTo(i);
      }
      log.sync();
      assertThat(log.durableEnd()).isEqualTo(100);
    }

    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      assertThat(log.nextSequence()).isEqualTo(100);
      assertRecords(log, 0, 100);
      assertRecords(log, 37, 100);
      assertRecords(log, 100, 100);
    }
  }

  @Test
  void shouldContinueTheSequenceWhenAppendingAfterReopen() throws IOException {
    appendAndClose(0, 10);
    appendAndClose(10, 25);

    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      assertRecords(log, 0, 25);
    }
  }

  @Test
  void shouldTruncateTornTailWhenLastRecordIsCutShort() throws IOException {
    appendAndClose(0, 20);
    Path segment = onlySegment();
    long size = Files.size(segment);
    truncate(segment, size - 3); // the last record loses its end

    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      assertThat(log.nextSequence()).isEqualTo(19);
      assertRecords(log, 0, 19);
      log.append(WalTestData.type(19), WalTestData.payload(19, 300)).durable().join();
    }
    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      assertRecords(log, 0, 20);
    }
  }

  @Test
  void shouldTruncateTornTailWhenGarbageOrZerosFollowTheLastRecord() throws IOException {
    appendAndClose(0, 20);
    Path segment = onlySegment();
    long size = Files.size(segment);
    byte[] garbage = new byte[777];
    new java.util.Random(5).nextBytes(garbage);
    Files.write(segment, garbage, StandardOpenOption.APPEND);
    Files.write(segment, new byte[4096], StandardOpenOption.APPEND);

    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      assertThat(log.nextSequence()).isEqualTo(20);
      assertThat(Files.size(segment)).isEqualTo(size);
      assertRecords(log, 0, 20);
    }
  }

  @Test
  void shouldTruncateTornTailWhenLastRecordHasABadChecksum() throws IOException {
    appendAndClose(0, 20);
    Path segment = onlySegment();
    flipByte(segment, Files.size(segment) - 1);

    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      assertThat(log.nextSequence()).isEqualTo(19);
      assertRecords(log, 0, 19);
    }
  }

  @Test
  void shouldReportThePositionWhenARecordInTheMiddleIsCorrupt() throws IOException {
    appendAndClose(0, 20);
    Path segment = onlySegment();
    long offset = offsetOf(segment, 7);
    flipByte(segment, offset + SegmentFormat.FRAME_BYTES); // first payload byte of record 7

    assertThatThrownBy(() -> WriteAheadLog.open(dir, CONFIG))
        .isInstanceOfSatisfying(
            WalCorruptionException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.sequence()).isEqualTo(7);
              assertThat(e.segment()).isEqualTo(segment);
            })
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("valid records follow");
  }

  @Test
  void shouldReportThePositionWhenALengthInTheMiddleIsCorrupt() throws IOException {
    appendAndClose(0, 20);
    Path segment = onlySegment();
    long offset = offsetOf(segment, 3);
    flipByte(segment, offset); // the top byte of the length: far too long

    assertThatThrownBy(() -> WriteAheadLog.open(dir, CONFIG))
        .isInstanceOfSatisfying(
            WalCorruptionException.class, e -> assertThat(e.offset()).isEqualTo(offset));
  }

  @Test
  void shouldReportThePositionOnReplayWhenAnOlderSegmentIsCorrupt() throws IOException {
    WalConfig small = CONFIG.withSegmentBytes(4096);
    try (WriteAheadLog log = WriteAheadLog.open(dir, small)) {
      for (int i = 0; i < 150; i++) {
        log.append(WalTestData.type(i), WalTestData.payload(i, 300));
      }
      log.sync();
    }
    List<Path> segments = segments();
    assertThat(segments).hasSizeGreaterThan(3);
    Path second = segments.get(1);
    long first = Long.parseLong(second.getFileName().toString().substring(0, 20));
    long offset = offsetOf(second, first + 1);
    flipByte(second, offset + SegmentFormat.FRAME_BYTES - 1); // the type byte

    try (WriteAheadLog log = WriteAheadLog.open(dir, small);
        WalReader reader = log.read(0)) {
      assertThatThrownBy(() -> reader.forEachRemaining(r -> {}))
          .isInstanceOfSatisfying(
              WalCorruptionException.class,
              e -> {
                assertThat(e.segment()).isEqualTo(second);
                assertThat(e.offset()).isEqualTo(offset);
                assertThat(e.sequence()).isEqualTo(first + 1);
              });
    }
  }

  @Test
  void shouldReportAGapWhenASegmentInTheMiddleIsMissing() throws IOException {
    WalConfig small = CONFIG.withSegmentBytes(4096);
    appendAndClose(0, 150, small);
    Files.delete(segments().get(1));

    try (WriteAheadLog log = WriteAheadLog.open(dir, small);
        WalReader reader = log.read(0)) {
      assertThatThrownBy(() -> reader.forEachRemaining(r -> {}))
          .isInstanceOf(WalCorruptionException.class)
          .hasMessageContaining("but the next starts at");
    }
  }

  @Test
  void shouldShareFsyncsWhenManyThreadsAppendConcurrently() throws Exception {
    int threads = 8;
    int perThread = 500;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    try (WriteAheadLog log = WriteAheadLog.open(dir, CONFIG)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        writers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        start.await();
                      } catch (InterruptedException e) {
                        throw new AssertionError(e);
                      }
                      for (int i = 0; i < perThread; i++) {
                        CompletableFuture<Void> f =
                            log.append((byte) 1, Bytes.wrap(new byte[1024])).durable();
                        synchronized (futures) {
                          futures.add(f);
                        }
                      }
                    }));
      }
      start.countDown();
      for (Thread w : writers) {
        w.join();
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

      assertThat(log.appendCount()).isEqualTo(threads * perThread);
      assertThat(log.durableEnd()).isEqualTo(threads * perThread);
      assertThat(log.fsyncCount()).isLessThan(log.appendCount() / 4);
    }
  }

  @Test
  void shouldRollSegmentsAndDeleteOnlyWholeSegmentsBeforeASequence() throws IOException {
    WalConfig small = CONFIG.withSegmentBytes(4096);
    try (WriteAheadLog log = WriteAheadLog.open(dir, small)) {
      for (int i = 0; i < 100; i++) {
        log.append(WalTestData.type(i), WalTestData.payload(i, 500));
      }
      log.sync();
      List<Path> before = segments();
      assertThat(before).hasSizeGreaterThan(4);
      for (Path segment : before) {
        assertThat(Files.size(segment)).isLessThanOrEqualTo(4096 + 509);
      }

      int deleted = log.deleteBefore(50);

      List<Path> after = segments();
      assertThat(deleted).isEqualTo(before.size() - after.size()).isPositive();
      assertThat(log.firstSequence()).isLessThanOrEqualTo(50);
      assertThatThrownBy(() -> log.read(0)).isInstanceOf(IllegalArgumentException.class);
      assertRecords(log, 50, 100, 500);
      assertRecords(log, log.firstSequence(), 100, 500);
      assertThat(log.deleteBefore(Long.MAX_VALUE)).isEqualTo(after.size() - 1);
      assertThat(segments()).hasSize(1);
    }
    try (WriteAheadLog log = WriteAheadLog.open(dir, small)) {
      assertThat(log.nextSequence()).isEqualTo(100);
      log.append((byte) 0, Bytes.of(1)).durable().join();
      assertThat(log.durableEnd()).isEqualTo(101);
    }
  }

  @Test
  void shouldGiveARecordLargerThanASegmentItsOwnSegment() throws IOException {
    WalConfig small = new WalConfig(4096, 3 << 20, 8 << 20);
    Bytes big = WalTestData.payload(42, 3 << 20);
    try (WriteAheadLog log = WriteAheadLog.open(dir, small)) {
      log.append((byte) 9, Bytes.of(1));
      log.append((byte) 9, Bytes.wrap(new byte[2 << 20]));
      log.append((byte) 9, big);
      log.sync();
    }
    try (WriteAheadLog log = WriteAheadLog.open(dir, small);
        WalReader reader = log.read(2)) {
      assertThat(reader.next().payload()).isEqualTo(big);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void shouldRejectOversizedRecordsAndAppendsAfterClose() throws IOException {
    WriteAheadLog log = WriteAheadLog.open(dir, new WalConfig(4096, 100, 1000));
    assertThatThrownBy(() -> log.append((byte) 0, Bytes.wrap(new byte[101])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the limit");
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append((byte) 0, Bytes.of(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void shouldMakeQueuedRecordsDurableWhenClosed() throws IOException {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    WriteAheadLog log = WriteAheadLog.open(dir, CONFIG);
    for (int i = 0; i < 1000; i++) {
      futures.add(log.append(WalTestData.type(i), WalTestData.payload(i, 100)).durable());
    }
    log.close();

    assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
    try (WriteAheadLog reopened = WriteAheadLog.open(dir, CONFIG)) {
      assertRecords(reopened, 0, 1000, 100);
    }
  }

  @Test
  void shouldRejectASegmentWithADamagedHeader() throws IOException {
    appendAndClose(0, 5);
    flipByte(onlySegment(), 3);

    assertThatThrownBy(() -> WriteAheadLog.open(dir, CONFIG))
        .isInstanceOf(WalCorruptionException.class)
        .hasMessageContaining("header");
  }

  // ---------------------------------------------------------------- helpers

  private void appendAndClose(int from, int to) throws IOException {
    appendAndClose(from, to, CONFIG);
  }

  private void appendAndClose(int from, int to, WalConfig config) throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(dir, config)) {
      assertThat(log.nextSequence()).isEqualTo(from);
      for (int i = from; i < to; i++) {
        log.append(WalTestData.type(i), WalTestData.payload(i, 300));
      }
    }
  }

  private static void assertRecords(WriteAheadLog log, long from, long to) throws IOException {
    assertRecords(log, from, to, 300);
  }

  private static void assertRecords(WriteAheadLog log, long from, long to, int maxLength)
      throws IOException {
    try (WalReader reader = log.read(from)) {
      long expected = from;
      while (reader.hasNext()) {
        WalRecord record = reader.next();
        assertThat(record.sequence()).isEqualTo(expected);
        assertThat(record.type()).isEqualTo(WalTestData.type(expected));
        assertThat(record.payload()).isEqualTo(WalTestData.payload(expected, maxLength));
        expected++;
      }
      assertThat(expected).isEqualTo(to);
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".wal")).sorted().toList();
    }
  }

  private Path onlySegment() throws IOException {
    List<Path> segments = segments();
    assertThat(segments).hasSize(1);
    return segments.getFirst();
  }

  /** The byte offset of record {@code sequence} in a segment, found by walking the frames. */
  private static long offsetOf(Path segment, long sequence) throws IOException {
    try (FileChannel ch = FileChannel.open(segment)) {
      ByteBuffer header = ByteBuffer.allocate(SegmentFormat.HEADER_BYTES);
      ch.read(header, 0);
      long seq = header.getLong(16);
      long offset = SegmentFormat.HEADER_BYTES;
      ByteBuffer length = ByteBuffer.allocate(4);
      while (seq < sequence) {
        length.clear();
        ch.read(length, offset);
        offset += SegmentFormat.FRAME_BYTES + length.getInt(0);
        seq++;
      }
      return offset;
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ 0x80));
      b.rewind();
      ch.write(b, offset);
    }
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }
}
