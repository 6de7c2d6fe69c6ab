package org.megaeth.core.rlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * A strict reader over one level of RLP (the items of the top level or of one list), reading in
 * place from one byte array. Strict means any byte string decodes to at most one value: it rejects
 * length prefixes that are not minimal (a long form for fewer than 56 bytes, a length with leading
 * zeros), a single byte below {@code 0x80} encoded as a one-byte string, items that run past their
 * list, integers with leading zeros or wider than their type, fixed-size fields of the wrong size,
 * and lists with items left unread.
 *
 * <p>Every transaction that reaches the node over JSON-RPC, and every block and receipt read back
 * from the store, passes through here; Tuweni's reader, which this replaces, allocated a reader and
 * several slices per item. Benchmark before refactoring: {@code
 * org.megaeth.benchmarks.RlpBenchmark}.
 */
public final class RlpReader {
  private static final int SHORT_STRING = 0x80;
  private static final int LONG_STRING = 0xb7;
  private static final int SHORT_LIST = 0xc0;
  private static final int LONG_LIST = 0xf7;

  /** Payloads of up to 55 bytes must use the one-byte header. */
  private static final int SHORT_LIMIT = 55;

  private final byte[] data;
  private final int start;
  private final int end;
  private int position;

  // The header of the next item, as parseHeader found it.
  private boolean itemIsList;
  private int payloadStart;
  private int payloadLength;

  private RlpReader(byte[] data, int start, int end) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.position = start;
  }

  static RlpReader strict(Bytes content) {
    byte[] array = content.toArrayUnsafe();
    return new RlpReader(array, 0, array.length);
  }

  public boolean isComplete() {
    return position >= end;
  }

  public boolean nextIsList() {
    parseHeader();
    return itemIsList;
  }

  /** True when the next item is the empty string {@code 0x80}. */
  public boolean nextIsEmpty() {
    requireItem();
    return (data[position] & 0xff) == SHORT_STRING;
  }

  /** The next item's payload as bytes (a string item; a list is an error). */
  public Bytes readBytes() {
    parseString();
    // Tuweni refuses a zero-length slice at the very end of an array.
    Bytes value = payloadLength == 0 ? Bytes.EMPTY : Bytes.wrap(data, payloadStart, payloadLength);
    position = payloadStart + payloadLength;
    return value;
  }

  /** The next item's full encoding, header included, without interpreting it. */
  public Bytes readRaw() {
    parseHeader();
    int itemStart = position;
    position = payloadStart + payloadLength;
    return Bytes.wrap(data, itemStart, position - itemStart);
  }

  /** An unsigned integer of at most 64 bits, returned as a (possibly negative) long. */
  public long readUInt64() {
    parseScalar(8, "64-bit integer");
    long result = 0;
    for (int i = payloadStart; i < payloadStart + payloadLength; i++) {
      result = (result << 8) | (data[i] & 0xff);
    }
    position = payloadStart + payloadLength;
    return result;
  }

  /** An unsigned integer that must fit in a Java {@code long} (at most 2^63-1). */
  public long readLong() {
    long value = readUInt64();
    if (value < 0) {
      throw new RlpException("integer " + Long.toUnsignedString(value) + " exceeds 2^63-1");
    }
    return value;
  }

  /** An unsigned integer that must fit in a Java {@code int} (at most 2^31-1). */
  public int readInt() {
    long value = readUInt64();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new RlpException("integer " + Long.toUnsignedString(value) + " exceeds 2^31-1");
    }
    return (int) value;
  }

  public UInt256 readUInt256() {
    parseScalar(32, "256-bit integer");
    UInt256 value = UInt256.fromBytes(data, payloadStart, payloadLength);
    position = payloadStart + payloadLength;
    return value;
  }

  public Address readAddress() {
    parseFixed(Address.SIZE, "address");
    position = payloadStart + payloadLength;
    return Address.wrap(Arrays.copyOfRange(data, payloadStart, position));
  }

  public Hash readHash() {
    parseFixed(Hash.SIZE, "hash");
    position = payloadStart + payloadLength;
    return Hash.of(data, payloadStart);
  }

  /** Exactly {@code size} bytes. */
  public Bytes readFixed(int size, String what) {
    parseFixed(size, what);
    return readBytes();
  }

  /**
   * Reads the next item as a list and hands a reader over its items to {@code fn}; every item must
   * be read.
   */
  public <T> T readList(Function<RlpReader, T> fn) {
    parseHeader();
    if (!itemIsList) {
      throw new RlpException("expected a list, found a string");
    }
    RlpReader inner = new RlpReader(data, payloadStart, payloadStart + payloadLength);
    position = payloadStart + payloadLength;
    T result = fn.apply(inner);
    inner.requireComplete();
    return result;
  }

  /** Reads a list whose items are all decoded by {@code fn}. */
  public <T> List<T> readListOf(Function<RlpReader, T> fn) {
    return readList(
        r -> {
          List<T> items = new ArrayList<>();
          while (!r.isComplete()) {
            items.add(fn.apply(r));
          }
          return items;
        });
  }

  /** Skips the next item. */
  public void skip() {
    readRaw();
  }

  /** Fails unless every item at this level has been read. */
  public void requireComplete() {
    if (position < end) {
      throw new RlpException(
          "unexpected trailing data: "
              + (end - position)
              + " bytes after position "
              + (position - start));
    }
  }

  // ---------------------------------------------------------------- headers

  private void requireItem() {
    if (position >= end) {
      throw new RlpException("invalid RLP: expected an item at position " + (position - start));
    }
  }

  /** Reads the next item's header into {@link #itemIsList}, payload start and length. */
  private void parseHeader() {
    requireItem();
    int prefix = data[position] & 0xff;
    if (prefix < SHORT_STRING) {
      itemIsList = false;
      payloadStart = position;
      payloadLength = 1;
    } else if (prefix <= LONG_STRING) {
      itemIsList = false;
      payloadStart = position + 1;
      payloadLength = prefix - SHORT_STRING;
      if (payloadLength == 1 && payloadStart < end && (data[payloadStart] & 0xff) < SHORT_STRING) {
        throw invalid("a single byte below 0x80 must be encoded as itself");
      }
    } else if (prefix < SHORT_LIST) {
      itemIsList = false;
      longPayload(prefix - LONG_STRING);
    } else if (prefix <= LONG_LIST) {
      itemIsList = true;
      payloadStart = position + 1;
      payloadLength = prefix - SHORT_LIST;
    } else {
      itemIsList = true;
      longPayload(prefix - LONG_LIST);
    }
    if (payloadLength > end - payloadStart) {
      throw invalid(
          "an item of %d bytes at position %d runs past the end (%d bytes left)"
              .formatted(payloadLength, position - start, Math.max(0, end - payloadStart)));
    }
  }

  /** A long form header: {@code lengthBytes} big-endian bytes of length after the prefix. */
  private void longPayload(int lengthBytes) {
    int at = position + 1;
    if (lengthBytes > end - at) {
      throw invalid("a length of " + lengthBytes + " bytes runs past the end");
    }
    if (data[at] == 0) {
      throw invalid("a length with leading zero bytes");
    }
    long length = 0;
    for (int i = 0; i < lengthBytes; i++) {
      length = (length << 8) | (data[at + i] & 0xff);
      if (length > Integer.MAX_VALUE) {
        throw invalid("a length above 2^31-1");
      }
    }
    if (length <= SHORT_LIMIT) {
      throw invalid("a long-form length for " + length + " bytes (under 56 take the short form)");
    }
    payloadStart = at + lengthBytes;
    payloadLength = (int) length;
  }

  private void parseString() {
    parseHeader();
    if (itemIsList) {
      throw invalid("expected a string, found a list");
    }
  }

  private void parseScalar(int maxBytes, String what) {
    parseString();
    if (payloadLength > maxBytes) {
      throw new RlpException(what + " is " + payloadLength + " bytes, at most " + maxBytes);
    }
    if (payloadLength > 0 && data[payloadStart] == 0) {
      throw new RlpException(what + " has leading zero bytes");
    }
  }

  private void parseFixed(int size, String what) {
    parseString();
    if (payloadLength != size) {
      throw new RlpException(what + " must be " + size + " bytes, got " + payloadLength);
    }
  }

  private static RlpException invalid(String why) {
    return new RlpException("invalid RLP: " + why);
  }
}
