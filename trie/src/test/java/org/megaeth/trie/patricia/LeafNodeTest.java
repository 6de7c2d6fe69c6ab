package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;

class LeafNodeTest {
  private static final byte[] KEY = Keccak.keccak256(new byte[] {42});

  /** Values of every shape under a 32-byte key: fields (word, small) and arrays (the rest). */
  private static final List<byte[]> VALUES =
      List.of(
          word(7),
          Bytes.of(0x05).toArray(),
          Bytes.of(0x7f).toArray(),
          Bytes.of(0x80).toArray(), // one byte, not below 0x80: a string with a header
          Bytes.of(0x81, 0x80).toArray(),
          Bytes.of(0x84, 1, 2, 3, 4).toArray(),
          Bytes.of(0x87, 0xff, 0, 0, 0, 0, 0, 1).toArray(),
          Bytes.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff).toArray(), // 8 bytes, any
          Bytes.of(0x88, 0x80, 0, 0, 0, 0, 0, 0, 1).toArray(), // 9 bytes: rlp of an 8-byte number
          Bytes.of(0x89, 0x80, 0, 0, 0, 0, 0, 0, 1).toArray(), // 9 bytes, other: an array
          Bytes.concatenate(Bytes.of(0x94), Bytes.wrap(new byte[20])).toArray(), // an address
          Bytes.concatenate(Bytes.of(0xa1), Bytes.wrap(word(3), 1, 32)).toArray(), // 33, not 0xa0
          Bytes.wrap(word(9), 1, 32).toArray()); // a bare word, 32 bytes

  @Test
  void shouldKeepSlotShapesInFieldsWhenKeyIsThirtyTwoBytes() {
    assertThat(leaf(KEY, word(1))).isInstanceOf(WordSlotLeafNode.class);
    assertThat(leaf(KEY, new byte[] {1})).isInstanceOf(SmallSlotLeafNode.class);
    assertThat(leaf(KEY, new byte[8])).isInstanceOf(SmallSlotLeafNode.class);
    assertThat(leaf(KEY, Bytes.of(0x88, 1, 2, 3, 4, 5, 6, 7, 8).toArray()))
        .isInstanceOf(SmallSlotLeafNode.class);
    assertThat(leaf(KEY, Bytes.of(0x89, 1, 2, 3, 4, 5, 6, 7, 8).toArray()))
        .isInstanceOf(ArrayLeafNode.class);
    assertThat(leaf(KEY, new byte[10])).isInstanceOf(ArrayLeafNode.class);
    assertThat(leaf(Arrays.copyOf(KEY, 20), word(1))).isInstanceOf(ArrayLeafNode.class);
    assertThat(leaf(Arrays.copyOf(KEY, 33), new byte[] {1})).isInstanceOf(ArrayLeafNode.class);
  }

  @Test
  void shouldReadKeyAndValueBackWhenLeafIsOfAnyShape() {
    for (byte[] value : VALUES) {
      LeafNode leaf = leaf(KEY, value);
      LeafNode array = arrayLeaf(KEY, value);

      assertThat(leaf.hasPreimage()).isTrue();
      assertThat(leaf.value()).isEqualTo(Bytes.wrap(value));
      assertThat(leaf.valueArray()).containsExactly(value);
      assertThat(leaf.valueLength()).isEqualTo(value.length);
      assertThat(leaf.valueFirstByte()).isEqualTo(value[0] & 0xFF);
      assertThat(leaf.preimage()).isEqualTo(Bytes.wrap(KEY));
      assertThat(leaf.preimageEquals(KEY)).isTrue();
      assertThat(leaf.preimageEquals(Arrays.copyOf(KEY, 31))).isFalse();
      assertThat(leaf.preimageHash()).isEqualTo(KeyIndex.hash(KEY, 0, KEY.length));
      assertThat(leaf.samePreimage(array)).isTrue();
      assertThat(array.samePreimage(leaf)).isTrue();
      assertThat(leaf.fullPath()).containsExactly(Nibbles.fromBytes(Keccak.keccak256(KEY)));
      for (byte[] other : VALUES) {
        assertThat(leaf.valueEquals(other))
            .as(Bytes.wrap(other).toHexString())
            .isEqualTo(other == value);
      }
      byte[] other = KEY.clone();
      other[31] ^= 1;
      assertThat(leaf.samePreimage(leaf(other, value))).isFalse();
      assertThat(leaf.samePreimage(arrayLeaf(other, value))).isFalse();
      assertThat(arrayLeaf(other, value).samePreimage(leaf)).isFalse();
    }
  }

  /**
   * A leaf's encoding, whatever its shape, is the encoding of the same key and value as an array
   * leaf, at every depth and whether or not it still holds its path; decoding it gives a leaf with
   * the same path and value that encodes the same way again.
   */
  @Property(tries = 200)
  void shouldEncodeLikeArrayLeafAndDecodeBackWhenInFields(
      @ForAll("values") byte[] value, @ForAll("depths") int depth) {
    byte[] path = Nibbles.fromBytes(Keccak.keccak256(KEY));
    NodeEncoder encoder = NodeEncoder.get();
    byte[] expected = encoder.encodeToArray(arrayLeaf(KEY, value).moveTo(depth, null));

    LeafNode written = LeafNode.ofPreimage(KEY, value, depth, path.clone());
    LeafNode recomputed = LeafNode.ofPreimage(KEY, value, depth, null);
    assertThat(encoder.encodeToArray(written)).containsExactly(expected);
    assertThat(encoder.encodeToArray(recomputed)).containsExactly(expected);

    Node decoded =
        NodeDecoder.decode(expected, Keccak.keccak256(expected), Arrays.copyOf(path, depth));
    assertThat(decoded).isInstanceOf(ArrayLeafNode.class);
    LeafNode leaf = (LeafNode) decoded;
    assertThat(leaf.path()).containsExactly(path);
    assertThat(leaf.value()).isEqualTo(Bytes.wrap(value));
    assertThat(leaf.valueEquals(value)).isTrue();
    assertThat(encoder.encodeToArray(leaf)).containsExactly(expected);
  }

  @Test
  void shouldKeepKeyValueAndWrittenPathWhenMovedToAnotherDepth() {
    byte[] path = Nibbles.fromBytes(Keccak.keccak256(KEY));
    for (byte[] value : VALUES) {
      LeafNode leaf = LeafNode.ofPreimage(KEY, value, 3, path);
      LeafNode moved = leaf.moveTo(5);

      assertThat(moved).isNotSameAs(leaf).hasSameClassAs(leaf);
      assertThat(moved.depth).isEqualTo((short) 5);
      // Still dirty: the path it was written with moved along, so no keccak finds it again.
      assertThat(moved.isStashed()).isTrue();
      assertThat(moved.path()).containsExactly(path);
      assertThat(moved.value()).isEqualTo(Bytes.wrap(value));
      assertThat(moved.samePreimage(leaf)).isTrue();
      assertThat(NodeEncoder.get().encodeToArray(moved))
          .containsExactly(NodeEncoder.get().encodeToArray(arrayLeaf(KEY, value).moveTo(5, null)));

      NodeEncoder.get().computeRef(moved);
      LeafNode movedAgain = moved.moveTo(4);
      assertThat(moved.isStashed()).isFalse(); // the hash took the path's place
      assertThat(movedAgain.isStashed()).isFalse();
      assertThat(movedAgain.path()).containsExactly(path); // recomputed from the preimage
    }
  }

  private static LeafNode leaf(byte[] key, byte[] value) {
    return LeafNode.ofPreimage(key, value, 0, null);
  }

  private static LeafNode arrayLeaf(byte[] key, byte[] value) {
    return new ArrayLeafNode(ArrayLeafNode.preimageData(key, value), 0);
  }

  private static byte[] word(int seed) {
    byte[] value = new byte[33];
    value[0] = (byte) 0xa0;
    System.arraycopy(Keccak.keccak256(new byte[] {(byte) seed}), 0, value, 1, 32);
    return value;
  }

  @Provide
  Arbitrary<byte[]> values() {
    return Arbitraries.of(VALUES);
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(0, LeafNode.HASHED_PATH_NIBBLES);
  }
}
