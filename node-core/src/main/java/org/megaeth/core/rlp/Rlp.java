package org.megaeth.core.rlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

/**
 * Entry points for RLP. Encoding goes through our own {@link RlpWriter}; decoding through Tuweni's
 * reader in strict mode plus the checks it lacks, so that any byte string decodes to at most one
 * value: non-canonical lengths, integers with leading zeros and trailing bytes are all errors.
 */
public final class Rlp {
  /** The RLP of the empty string. */
  public static final Bytes EMPTY_STRING = Bytes.of(0x80);

  /** The RLP of the empty list. */
  public static final Bytes EMPTY_LIST = Bytes.of(0xc0);

  /** Enough for a transfer transaction or a receipt without logs: most items never grow. */
  private static final int INITIAL_CAPACITY = 256;

  private Rlp() {}

  /** Encodes a single item written by {@code fn}. */
  public static Bytes encode(Consumer<RlpWriter> fn) {
    RlpWriter writer = new RlpWriter(INITIAL_CAPACITY);
    fn.accept(writer);
    return Bytes.wrap(writer.toByteArray());
  }

  /** Encodes a list whose items are written by {@code fn}. */
  public static Bytes encodeList(Consumer<RlpWriter> fn) {
    RlpWriter writer = new RlpWriter(INITIAL_CAPACITY);
    writer.writeList(fn);
    return Bytes.wrap(writer.toByteArray());
  }

  /**
   * An EIP-2718 typed envelope: {@code type} then the list {@code fn} writes, in one array; with
   * {@code type} 0 (legacy) just the list.
   */
  public static Bytes encodeTypedList(int type, Consumer<RlpWriter> fn) {
    return encodeTyped(type, w -> w.writeList(fn));
  }

  /** {@link #encodeTypedList} for a writer that writes the list itself. */
  public static Bytes encodeTyped(int type, Consumer<RlpWriter> fn) {
    RlpWriter writer = new RlpWriter(INITIAL_CAPACITY);
    if (type != 0) {
      writer.writeRawByte(type);
    }
    fn.accept(writer);
    return Bytes.wrap(writer.toByteArray());
  }

  /**
   * An item of exactly {@code size} bytes written by {@code fn}, in one array of that size: for the
   * encodings on the sequencer's hot path whose length is cheap to compute first (a receipt), so
   * that nothing is grown, moved up for a long list header, or copied at the end.
   *
   * @throws IllegalStateException if {@code fn} writes another number of bytes
   */
  public static Bytes encodeExact(int size, Consumer<RlpWriter> fn) {
    RlpWriter writer = new RlpWriter(size);
    fn.accept(writer);
    if (writer.position() != size) {
      throw new IllegalStateException(
          "wrote " + writer.position() + " bytes where " + size + " were computed");
    }
    return Bytes.wrap(writer.toByteArray());
  }

  /**
   * A list whose items, written by {@code items} after the list's header, take exactly {@code
   * payload} bytes: {@link #encodeExact} for a list, in one array of the list's size.
   *
   * @throws IllegalStateException if {@code items} writes another number of bytes
   */
  public static Bytes encodeListExact(long payload, Consumer<RlpWriter> items) {
    return encodeExact(
        Math.toIntExact(RlpWriter.withHeader(payload)),
        w -> {
          w.writeListHeader(payload);
          items.accept(w);
        });
  }

  /**
   * keccak256 of the RLP list of the already-encoded {@code items}, without building the list:
   * equal to {@code Keccak.hash(encodeList(w -> items.forEach(w::writeRaw)))}, which copies every
   * item twice (a mini-block's receipts are tens of kilobytes).
   */
  public static Hash hashOfEncodedList(List<Bytes> items) {
    long payload = 0;
    for (Bytes item : items) {
      payload += item.size();
    }
    RlpWriter header = new RlpWriter(9);
    header.writeListHeader(payload);
    List<Bytes> parts = new ArrayList<>(items.size() + 1);
    parts.add(Bytes.wrap(header.toByteArray()));
    parts.addAll(items);
    return Keccak.hashOfParts(parts);
  }

  /** Encodes a byte string as an RLP string item. */
  public static Bytes encodeBytes(Bytes value) {
    RlpWriter writer = new RlpWriter(value.size() + 9);
    writer.writeBytes(value);
    return Bytes.wrap(writer.toByteArray());
  }

  /**
   * Decodes {@code input}, which must hold exactly one item: {@code fn} reads it, and any byte left
   * over is an error.
   */
  public static <T> T decode(Bytes input, Function<RlpReader, T> fn) {
    RlpReader reader = RlpReader.strict(input);
    T result = fn.apply(reader);
    reader.requireComplete();
    return result;
  }

  /**
   * Decodes {@code input} as exactly one list and hands its contents to {@code fn}, which must read
   * every item of it.
   */
  public static <T> T decodeList(Bytes input, Function<RlpReader, T> fn) {
    return decode(input, r -> r.readList(fn));
  }
}
