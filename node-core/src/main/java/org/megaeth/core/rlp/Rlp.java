package org.megaeth.core.rlp;

import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * Entry points for RLP. Encoding goes through Tuweni's writer; decoding through Tuweni's reader in
 * strict mode plus the checks it lacks, so that any byte string decodes to at most one value:
 * non-canonical lengths, integers with leading zeros and trailing bytes are all errors.
 */
public final class Rlp {
  /** The RLP of the empty string. */
  public static final Bytes EMPTY_STRING = Bytes.of(0x80);

  /** The RLP of the empty list. */
  public static final Bytes EMPTY_LIST = Bytes.of(0xc0);

  private Rlp() {}

  /** Encodes a single item written by {@code fn}. */
  public static Bytes encode(Consumer<RlpWriter> fn) {
    return flat(RLP.encode(w -> fn.accept(new RlpWriter(w))));
  }

  /** Encodes a list whose items are written by {@code fn}. */
  public static Bytes encodeList(Consumer<RlpWriter> fn) {
    return flat(RLP.encodeList(w -> fn.accept(new RlpWriter(w))));
  }

  /**
   * Tuweni returns a concatenation of chunks whose slices misbehave ("element sizes do not match
   * total size"); one contiguous array is also what every consumer (hashing, sockets) wants.
   */
  private static Bytes flat(Bytes encoded) {
    return Bytes.wrap(encoded.toArrayUnsafe());
  }

  /** Encodes a byte string as an RLP string item. */
  public static Bytes encodeBytes(Bytes value) {
    return RLP.encodeValue(value);
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
