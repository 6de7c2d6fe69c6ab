package org.megaeth.core.rlp;

import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPWriter;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/** Writes RLP items with the node's types; integers are always written in minimal form. */
public final class RlpWriter {
  private final RLPWriter writer;

  RlpWriter(RLPWriter writer) {
    this.writer = writer;
  }

  public void writeBytes(Bytes value) {
    writer.writeValue(value);
  }

  public void writeBytes(byte[] value) {
    writer.writeValue(Bytes.wrap(value));
  }

  /** An unsigned 64-bit integer (negative longs are read as their unsigned value). */
  public void writeUInt64(long unsigned) {
    int len = (64 - Long.numberOfLeadingZeros(unsigned) + 7) / 8;
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      out[i] = (byte) (unsigned >>> (8 * (len - 1 - i)));
    }
    writer.writeValue(Bytes.wrap(out));
  }

  public void writeUInt256(UInt256 value) {
    writer.writeValue(Bytes.wrap(value.toMinimalBytes()));
  }

  public void writeAddress(Address address) {
    writer.writeValue(address.bytes());
  }

  public void writeHash(Hash hash) {
    writer.writeValue(hash.bytes());
  }

  /** The empty string {@code 0x80}. */
  public void writeEmpty() {
    writer.writeValue(Bytes.EMPTY);
  }

  /** An already-encoded item, copied as it is. */
  public void writeRaw(Bytes encoded) {
    writer.writeRLP(encoded);
  }

  public void writeList(Consumer<RlpWriter> fn) {
    writer.writeList(w -> fn.accept(new RlpWriter(w)));
  }

  public <T> void writeList(Iterable<T> items, java.util.function.BiConsumer<RlpWriter, T> fn) {
    writeList(
        w -> {
          for (T item : items) {
            fn.accept(w, item);
          }
        });
  }
}
