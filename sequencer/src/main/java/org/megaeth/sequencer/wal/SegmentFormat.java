package org.megaeth.sequencer.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The on-disk format of a log segment, and a reader for it.
 *
 * <p>A segment is a 32-byte header (magic {@code MEGAWAL\0}, format version u32, reserved u32, the
 * sequence of its first record u64, crc32c of the preceding 24 bytes u32, zero u32) followed by
 * records, each {@code [length u32][crc32c u32][type u8][payload]}, big-endian. The checksum covers
 * the record's sequence (8 bytes, not stored), its length, type and payload: with the sequence in
 * it, a stale or misplaced record cannot pass for the one expected at a position.
 */
final class SegmentFormat {
  static final int HEADER_BYTES = 32;
  static final int FRAME_BYTES = 9;
  static final int VERSION = 1;
  static final byte[] MAGIC = "MEGAWAL\0".getBytes(StandardCharsets.US_ASCII);
  static final String SUFFIX = ".wal";

  private SegmentFormat() {}

  /** Segments are named by their first sequence, zero-padded so names sort like numbers. */
  static String fileName(long firstSequence) {
    return String.format("%020d%s", firstSequence, SUFFIX);
  }

  /** The first sequence from a segment's name, or -1 for a file that is not a segment. */
  static long parseFileName(String name) {
    if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
      return -1;
    }
    for (int i = 0; i < 20; i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(name.substring(0, 20));
  }

  static ByteBuffer header(long firstSequence) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
    b.put(MAGIC).putInt(VERSION).putInt(0).putLong(firstSequence);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 24);
    b.putInt((int) crc.getValue()).putInt(0);
    return b.flip();
  }

  /** The record checksum; see the class comment. */
  static int checksum(long sequence, int length, byte type, byte[] payload, int off, int len) {
    CRC32C crc = new CRC32C();
    byte[] prefix = new byte[13];
    ByteBuffer.wrap(prefix).putLong(sequence).putInt(length).put(type);
    crc.update(prefix, 0, 13);
    crc.update(payload, off, len);
    return (int) crc.getValue();
  }

  /** What reading the next record found. */
  sealed interface Read {}

  record Ok(WalRecord record) implements Read {}

  /** A clean end of the file, at a record boundary. */
  record End() implements Read {}

  /**
   * No valid record at {@code offset}.
   *
   * @param runsPastEnd the record's header or payload would extend past the end of the file: what a
   *     write cut short by a crash leaves
   * @param frameEnd where the next record would start if the length field is right, else -1
   */
  record Bad(long offset, String reason, boolean runsPastEnd, long frameEnd) implements Read {}

  /**
   * Reads one segment's records in order, through a buffer. Positional reads only, so it can read
   * the segment the log thread is appending to (up to a limit the caller knows to be written).
   */
  static final class Reader implements Closeable {
    private static final int BUFFER = 1 << 20;

    final Path path;
    final long firstSequence;
    private final FileChannel channel;
    private final int maxRecordBytes;
    private final long size;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private long bufStart;
    private long offset = HEADER_BYTES;
    private long sequence;

    /**
     * Opens a segment and checks its header.
     *
     * @param size how far to read: the file size, or less while it is being written
     */
    Reader(Path path, long firstSequence, int maxRecordBytes, long size) throws IOException {
      this.path = path;
      this.firstSequence = firstSequence;
      this.maxRecordBytes = maxRecordBytes;
      this.sequence = firstSequence;
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
      try {
        this.size = size < 0 ? channel.size() : size;
        checkHeader();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      buf.limit(0);
    }

    private void checkHeader() throws IOException {
      if (size < HEADER_BYTES) {
        throw new WalCorruptionException(path, 0, firstSequence, "segment header cut short");
      }
      ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
      readFully(h, 0);
      byte[] a = h.array();
      CRC32C crc = new CRC32C();
      crc.update(a, 0, 24);
      h.flip();
      byte[] magic = new byte[8];
      h.get(magic);
      int version = h.getInt();
      h.getInt();
      long first = h.getLong();
      int storedCrc = h.getInt();
      if (!Arrays.equals(magic, MAGIC) || storedCrc != (int) crc.getValue()) {
        throw new WalCorruptionException(path, 0, firstSequence, "not a valid segment header");
      }
      if (version != VERSION) {
        throw new WalCorruptionException(
            path, 0, firstSequence, "segment format version " + version + " is not " + VERSION);
      }
      if (first != firstSequence) {
        throw new WalCorruptionException(
            path, 0, firstSequence, "header says the first sequence is " + first);
      }
    }

    long offset() {
      return offset;
    }

    long sequence() {
      return sequence;
    }

    Read next() throws IOException {
      long remaining = size - offset;
      if (remaining == 0) {
        return new End();
      }
      if (remaining < FRAME_BYTES) {
        return new Bad(offset, "record header cut short at the end of the file", true, -1);
      }
      ByteBuffer frame = window(offset, FRAME_BYTES);
      int length = frame.getInt();
      int crc = frame.getInt();
      byte type = frame.get();
      if (length < 0 || length > maxRecordBytes) {
        return new Bad(
            offset,
            "record length " + Integer.toUnsignedString(length) + " above the limit",
            false,
            -1);
      }
      long end = offset + FRAME_BYTES + length;
      if (end > size) {
        return new Bad(offset, "record of " + length + " bytes runs past the end", true, -1);
      }
      byte[] payload = new byte[length];
      if (length <= BUFFER) {
        window(offset + FRAME_BYTES, length).get(payload);
      } else {
        readFully(ByteBuffer.wrap(payload), offset + FRAME_BYTES);
      }
      if (checksum(sequence, length, type, payload, 0, length) != crc) {
        return new Bad(offset, "checksum mismatch", false, end);
      }
      WalRecord record = new WalRecord(sequence, type, org.apache.tuweni.bytes.Bytes.wrap(payload));
      offset = end;
      sequence++;
      return new Ok(record);
    }

    /**
     * Whether a valid record with sequence {@code sequence + 1} starts anywhere after the bad one
     * at the current offset: if so, the bad record is damage in the middle of the log, not a torn
     * tail. Tries where the bad record's length says the next one starts, then every later offset
     * (the length itself may be what is damaged); candidates are rejected on their length before
     * their checksum is computed, so garbage and zeros are scanned quickly.
     */
    boolean validRecordFollows(Bad bad) throws IOException {
      long next = sequence + 1;
      if (bad.frameEnd() > 0 && isRecordAt(bad.frameEnd(), next)) {
        return true;
      }
      for (long at = bad.offset() + 1; at + FRAME_BYTES <= size; at++) {
        if (isRecordAt(at, next)) {
          return true;
        }
      }
      return false;
    }

    private boolean isRecordAt(long at, long seq) throws IOException {
      if (at + FRAME_BYTES > size) {
        return false;
      }
      ByteBuffer frame = window(at, FRAME_BYTES);
      int length = frame.getInt();
      int crc = frame.getInt();
      byte type = frame.get();
      if (length < 0 || length > maxRecordBytes || at + FRAME_BYTES + length > size) {
        return false;
      }
      byte[] payload = new byte[length];
      readFully(ByteBuffer.wrap(payload), at + FRAME_BYTES);
      return checksum(seq, length, type, payload, 0, length) == crc;
    }

    /** A view of {@code length} bytes at file offset {@code at}, refilling the buffer if needed. */
    private ByteBuffer window(long at, int length) throws IOException {
      if (at < bufStart || at + length > bufStart + buf.limit()) {
        buf.clear();
        int want = (int) Math.min(BUFFER, size - at);
        buf.limit(want);
        readFully(buf, at);
        buf.flip();
        bufStart = at;
      }
      ByteBuffer view = buf.duplicate();
      view.position((int) (at - bufStart));
      view.limit((int) (at - bufStart) + length);
      return view;
    }

    private void readFully(ByteBuffer dst, long at) throws IOException {
      long position = at;
      while (dst.hasRemaining()) {
        int n = channel.read(dst, position);
        if (n < 0) {
          throw new WalCorruptionException(path, at, sequence, "file shorter than expected");
        }
        position += n;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
