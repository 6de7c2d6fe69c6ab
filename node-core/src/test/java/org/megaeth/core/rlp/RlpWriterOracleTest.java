package org.megaeth.core.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPWriter;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * Our in-place writer against Tuweni's encoder, which the node used before: byte for byte the same
 * on random items and nesting, including the long-header forms (payloads of 56 bytes and more) and
 * lists that grow the buffer.
 */
class RlpWriterOracleTest {
  /** A random item: a byte string, an integer, or a list of items (a tree of small depth). */
  sealed interface Item permits Str, Num, Word, Lst {}

  record Str(byte[] value) implements Item {}

  record Num(long value) implements Item {}

  record Word(UInt256 value) implements Item {}

  record Lst(List<Item> items) implements Item {}

  @Provide
  Arbitrary<Item> items() {
    return item(3);
  }

  private Arbitrary<Item> item(int depth) {
    Arbitrary<Item> str =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> (Item) new Str(b));
    Arbitrary<Item> num = Arbitraries.longs().map(n -> (Item) new Num(n));
    Arbitrary<Item> word =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))
            .edgeCases(c -> c.includeOnly(BigInteger.ZERO, BigInteger.TWO.pow(64)))
            .map(v -> (Item) new Word(UInt256.fromBigInteger(v)));
    if (depth == 0) {
      return Arbitraries.oneOf(str, num, word);
    }
    Arbitrary<Item> list = item(depth - 1).list().ofMaxSize(12).map(l -> (Item) new Lst(l));
    return Arbitraries.oneOf(str, num, word, list);
  }

  @Property(tries = 2_000)
  void shouldEncodeExactlyAsTuweni(@ForAll("items") Item item) {
    Bytes ours = Rlp.encode(w -> write(w, item));
    Bytes theirs = RLP.encode(w -> writeTuweni(w, item));
    assertThat(ours).isEqualTo(theirs);
  }

  @Property(tries = 500)
  void shouldEncodeListsExactlyAsTuweni(@ForAll @Size(max = 40) List<@From("items") Item> items) {
    Bytes ours = Rlp.encodeList(w -> items.forEach(i -> write(w, i)));
    Bytes theirs = RLP.encodeList(w -> items.forEach(i -> writeTuweni(w, i)));
    assertThat(ours).isEqualTo(theirs);
  }

  @Property(tries = 200)
  void shouldEncodeAddressesAndByteStringsAsTuweni(@ForAll @Size(20) byte[] address) {
    assertThat(Rlp.encode(w -> w.writeAddress(Address.wrap(address))))
        .isEqualTo(RLP.encodeValue(Bytes.wrap(address)));
    assertThat(Rlp.encodeBytes(Bytes.wrap(address)))
        .isEqualTo(RLP.encodeValue(Bytes.wrap(address)));
  }

  private static void write(RlpWriter w, Item item) {
    switch (item) {
      case Str s -> w.writeBytes(s.value());
      case Num n -> w.writeUInt64(n.value());
      case Word v -> w.writeUInt256(v.value());
      case Lst l -> w.writeList(inner -> l.items().forEach(i -> write(inner, i)));
    }
  }

  private static void writeTuweni(RLPWriter w, Item item) {
    switch (item) {
      case Str s -> w.writeValue(Bytes.wrap(s.value()));
      case Num n -> w.writeValue(Bytes.wrap(unsignedMinimal(n.value())));
      case Word v -> w.writeValue(Bytes.wrap(v.value().toMinimalBytes()));
      case Lst l -> w.writeList(inner -> l.items().forEach(i -> writeTuweni(inner, i)));
    }
  }

  private static byte[] unsignedMinimal(long value) {
    byte[] full = new BigInteger(Long.toUnsignedString(value)).toByteArray();
    int skip = full[0] == 0 ? 1 : 0;
    byte[] out = new byte[full.length - skip];
    System.arraycopy(full, skip, out, 0, out.length);
    return value == 0 ? new byte[0] : out;
  }
}
