package org.megaeth.core.rlp;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * Writes RLP items with the node's types into one growing byte array; integers are always written
 * in minimal form.
 *
 * <p>Every transaction, receipt and trie node passes through here several times on the sequencer's
 * path (ingress, block building, storage), so it writes in place rather than collecting chunks: a
 * list first reserves a one-byte header, and only when its payload turns out to be 56 bytes or more
 * are the payload's bytes moved up to make room for the long header. Benchmark before refactoring:
 * {@code org.megaeth.benchmarks.RlpBenchmark}.
 */
public final class RlpWriter {
  private static final int SHORT_STRING = 0x80;
  private static final int LONG_STRING = 0xb7;
  private static final int SHORT_LIST = 0xc0;
  private static final int LONG_LIST = 0xf7;

  /** Payloads up to 55 bytes have a one-byte header (the yellow paper's short forms). */
  private static final int SHORT_LIMIT = 55;

  private byte[] buffer;
  private int position;

  RlpWriter(int capacity) {
    this.buffer = new byte[Math.max(16, capacity)];
  }

  /**
   * A writer to use again and again ({@link #reset}), for a caller that encodes many short-lived
   * items only to hash them (an ordered trie's nodes): the buffer is allocated once, not per item.
   */
  public static RlpWriter reusable(int capacity) {
    return new RlpWriter(capacity);
  }

  /** Forgets what was written, keeping the buffer. */
  public void reset() {
    position = 0;
  }

  /** keccak256 of the bytes written. */
  public byte[] keccak256() {
    return Keccak.keccak256(buffer, 0, position);
  }

  /** A copy of the bytes written; the writer stays usable. */
  public byte[] copyOfWritten() {
    return Arrays.copyOf(buffer, position);
  }

  /**
   * The bytes written so far: the buffer itself when they fill it exactly (a writer sized with
   * {@link Rlp#encodeExact}), else a copy. The writer is not used after this.
   */
  byte[] toByteArray() {
    return position == buffer.length ? buffer : Arrays.copyOf(buffer, position);
  }

  /** How many bytes have been written. */
  public int position() {
    return position;
  }

  // ---------------------------------------------------------------- lengths, for exact sizing

  /** The encoded length of a list whose items take {@code payload} bytes: header and payload. */
  public static int listLength(int payload) {
    return Math.toIntExact(withHeader(payload));
  }

  /**
   * The encoded length of a list with a payload of {@code length} bytes, or of a string of that
   * many bytes that is not a single byte below 0x80: the payload and its header.
   */
  public static long withHeader(long length) {
    return length <= SHORT_LIMIT ? 1 + length : 1 + byteLength(length) + length;
  }

  /** The encoded length of the string {@code value}, as {@link #writeBytes(Bytes)} writes it. */
  public static int stringLength(Bytes value) {
    int length = value.size();
    if (length == 1 && (value.get(0) & 0xff) < SHORT_STRING) {
      return 1;
    }
    return listLength(length); // a string's header has the list header's length
  }

  /** The encoded length of {@code unsigned}, as {@link #writeUInt64} writes it. */
  public static int uint64Length(long unsigned) {
    return unsigned >= 0 && unsigned < SHORT_STRING ? 1 : 1 + byteLength(unsigned);
  }

  public void writeBytes(Bytes value) {
    writeBytes(value.toArrayUnsafe());
  }

  public void writeBytes(byte[] value) {
    writeBytes(value, 0, value.length);
  }

  private void writeBytes(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xff) < SHORT_STRING) {
      ensure(1);
      buffer[position++] = value[offset]; // a single byte below 0x80 is its own encoding
      return;
    }
    writeStringHeader(length);
    ensure(length);
    System.arraycopy(value, offset, buffer, position, length);
    position += length;
  }

  /** An unsigned 64-bit integer (negative longs are read as their unsigned value). */
  public void writeUInt64(long unsigned) {
    if (unsigned >= 0 && unsigned < SHORT_STRING) {
      ensure(1);
      buffer[position++] = unsigned == 0 ? (byte) SHORT_STRING : (byte) unsigned;
      return;
    }
    int length = (64 - Long.numberOfLeadingZeros(unsigned) + 7) / 8;
    ensure(1 + length);
    buffer[position++] = (byte) (SHORT_STRING + length);
    writeBigEndian(unsigned, length);
  }

  public void writeUInt256(UInt256 value) {
    int bits = value.bitLength();
    if (bits <= 64) {
      writeUInt64(value.u0());
      return;
    }
    int length = (bits + 7) / 8;
    ensure(1 + length);
    buffer[position++] = (byte) (SHORT_STRING + length);
    // The top limb holding bits gets its minimal width; the limbs below it are whole.
    long[] limbs = {value.u3(), value.u2(), value.u1(), value.u0()};
    int firstLimb = 4 - (bits + 63) / 64;
    writeBigEndian(limbs[firstLimb], length - 8 * (3 - firstLimb));
    for (int i = firstLimb + 1; i < 4; i++) {
      writeBigEndian(limbs[i], 8);
    }
  }

  public void writeAddress(Address address) {
    ensure(1 + Address.SIZE);
    buffer[position++] = (byte) (SHORT_STRING + Address.SIZE);
    address.copyTo(buffer, position);
    position += Address.SIZE;
  }

  public void writeHash(Hash hash) {
    writeBytes(hash.bytes());
  }

  /** The empty string {@code 0x80}. */
  public void writeEmpty() {
    ensure(1);
    buffer[position++] = (byte) SHORT_STRING;
  }

  /** One byte outside any item: the type of an EIP-2718 envelope. */
  public void writeRawByte(int value) {
    ensure(1);
    buffer[position++] = (byte) value;
  }

  /** An already-encoded item, copied as it is. */
  public void writeRaw(Bytes encoded) {
    int length = encoded.size();
    ensure(length);
    System.arraycopy(encoded.toArrayUnsafe(), 0, buffer, position, length);
    position += length;
  }

  public void writeList(Consumer<RlpWriter> fn) {
    ensure(1);
    int header = position++;
    fn.accept(this);
    int payload = position - header - 1;
    if (payload <= SHORT_LIMIT) {
      buffer[header] = (byte) (SHORT_LIST + payload);
      return;
    }
    int lengthBytes = byteLength(payload);
    ensure(lengthBytes);
    System.arraycopy(buffer, header + 1, buffer, header + 1 + lengthBytes, payload);
    buffer[header] = (byte) (LONG_LIST + lengthBytes);
    int saved = position;
    position = header + 1;
    writeBigEndian(payload, lengthBytes);
    position = saved + lengthBytes;
  }

  public <T> void writeList(Iterable<T> items, BiConsumer<RlpWriter, T> fn) {
    writeList(
        w -> {
          for (T item : items) {
            fn.accept(w, item);
          }
        });
  }

  private void writeStringHeader(int length) {
    writeHeader(SHORT_STRING, LONG_STRING, length);
  }

  /**
   * Only the header of a list whose {@code payloadLength} bytes of items the caller supplies
   * elsewhere: for hashing a list of items already encoded without copying them into one.
   */
  public void writeListHeader(long payloadLength) {
    writeHeader(SHORT_LIST, LONG_LIST, payloadLength);
  }

  private void writeHeader(int shortBase, int longBase, long length) {
    if (length <= SHORT_LIMIT) {
      ensure(1);
      buffer[position++] = (byte) (shortBase + length);
      return;
    }
    int lengthBytes = byteLength(length);
    ensure(1 + lengthBytes);
    buffer[position++] = (byte) (longBase + lengthBytes);
    writeBigEndian(length, lengthBytes);
  }

  /** The low {@code length} bytes of {@code value}, most significant first; room is ensured. */
  private void writeBigEndian(long value, int length) {
    for (int i = length - 1; i >= 0; i--) {
      buffer[position++] = (byte) (value >>> (8 * i));
    }
  }

  private static int byteLength(long value) {
    return (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
  }

  private void ensure(int more) {
    if (position + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + more));
    }
  }
}
