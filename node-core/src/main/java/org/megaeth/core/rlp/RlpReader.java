package org.megaeth.core.rlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * A strict reader over one level of RLP (the items of the top level or of one list). Wraps Tuweni's
 * reader in non-lenient mode, which rejects non-minimal length prefixes and single bytes encoded as
 * strings, and adds what it does not check: integers with leading zeros, integers wider than their
 * type, fixed-size fields of the wrong size, and lists with items left unread.
 */
public final class RlpReader {
  private final Bytes content;
  private final RLPReader reader;

  private RlpReader(Bytes content, RLPReader reader) {
    this.content = content;
    this.reader = reader;
  }

  static RlpReader strict(Bytes content) {
    // Tuweni's reader is only reachable through RLP.decode; it hands us a reader over the content.
    return RLP.decode(content, false, r -> new RlpReader(content, r));
  }

  public boolean isComplete() {
    return reader.isComplete();
  }

  public boolean nextIsList() {
    return call(reader::nextIsList);
  }

  /** True when the next item is the empty string {@code 0x80}. */
  public boolean nextIsEmpty() {
    return call(reader::nextIsEmpty);
  }

  /** The next item's payload as bytes (a string item; a list is an error). */
  public Bytes readBytes() {
    return call(() -> reader.readValue(false));
  }

  /** The next item's full encoding, header included, without interpreting it. */
  public Bytes readRaw() {
    int start = reader.position();
    call(
        () -> {
          reader.skipNext(false);
          return null;
        });
    return content.slice(start, reader.position() - start);
  }

  /** An unsigned integer of at most 64 bits, returned as a (possibly negative) long. */
  public long readUInt64() {
    Bytes value = readBytes();
    checkScalar(value, 8, "64-bit integer");
    long result = 0;
    for (int i = 0; i < value.size(); i++) {
      result = (result << 8) | (value.get(i) & 0xFF);
    }
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
    Bytes value = readBytes();
    checkScalar(value, 32, "256-bit integer");
    return UInt256.fromBytes(value.toArrayUnsafe());
  }

  public Address readAddress() {
    return Address.of(readFixed(Address.SIZE, "address"));
  }

  public Hash readHash() {
    return Hash.of(readFixed(Hash.SIZE, "hash"));
  }

  /** Exactly {@code size} bytes. */
  public Bytes readFixed(int size, String what) {
    Bytes value = readBytes();
    if (value.size() != size) {
      throw new RlpException(what + " must be " + size + " bytes, got " + value.size());
    }
    return value;
  }

  /**
   * Reads the next item as a list and hands a reader over its items to {@code fn}; every item must
   * be read.
   */
  public <T> T readList(Function<RlpReader, T> fn) {
    if (!nextIsList()) {
      throw new RlpException("expected a list, found a string");
    }
    Bytes raw = readRaw();
    Bytes payload = raw.slice(listHeaderLength(raw.get(0) & 0xFF));
    RlpReader inner = new RlpReader(payload, RLP.decode(payload, false, r -> r));
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
    if (!reader.isComplete()) {
      throw new RlpException(
          "unexpected trailing data: "
              + (content.size() - reader.position())
              + " bytes after position "
              + reader.position());
    }
  }

  private static int listHeaderLength(int prefix) {
    return prefix <= 0xf7 ? 1 : 1 + (prefix - 0xf7);
  }

  private static void checkScalar(Bytes value, int maxBytes, String what) {
    if (value.size() > maxBytes) {
      throw new RlpException(what + " is " + value.size() + " bytes, at most " + maxBytes);
    }
    if (value.size() > 0 && value.get(0) == 0) {
      throw new RlpException(what + " has leading zero bytes");
    }
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (RLPException e) {
      throw new RlpException("invalid RLP: " + e.getMessage(), e);
    }
  }
}
