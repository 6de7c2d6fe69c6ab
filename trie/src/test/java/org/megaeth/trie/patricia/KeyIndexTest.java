package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class KeyIndexTest {
  /** An operation: put {@code key -> value}, or remove {@code key} when {@code value} is 0. */
  record Op(int key, int value) {}

  @Property(tries = 300)
  void shouldMatchMapWhenPuttingAndRemovingRandomly(@ForAll("ops") List<Op> ops) {
    KeyIndex index = new KeyIndex();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (Op op : ops) {
      byte[] key = key(op.key());
      if (op.value() == 0) {
        index.remove(key);
        model.remove(Bytes.wrap(key));
      } else {
        byte[] value = {(byte) op.value()};
        index.put(leaf(key, value));
        model.put(Bytes.wrap(key), Bytes.wrap(value));
      }
    }

    assertThat(index.isConsistent()).isTrue();
    assertThat(index.size()).isEqualTo(model.size());
    for (int k = 0; k < 300; k++) {
      assertThat(index.get(key(k))).isEqualTo(model.get(Bytes.wrap(key(k))));
    }
  }

  @Test
  void shouldReplaceEntryWhenLeafWithSamePreimageIsPut() {
    KeyIndex index = new KeyIndex();
    LeafNode first = leaf(key(7), new byte[] {1});
    LeafNode moved = first.moveTo(3);
    LeafNode changed = leaf(key(7), new byte[] {2});

    index.put(first);
    assertThat(index.entry(key(7))).isSameAs(first.indexEntry());
    index.put(moved);
    assertThat(index.entry(key(7))).isSameAs(moved.indexEntry());
    index.put(changed);
    assertThat(index.entry(key(7))).isSameAs(changed.indexEntry());
    assertThat(index.get(key(7))).isEqualTo(Bytes.of(2));
    assertThat(index.size()).isEqualTo(1);
  }

  /**
   * 32-byte keys are held in the leaf's fields ({@link SlotLeafNode}) and hashed from them; every
   * shape of the same key must land on the same entry, and the hash of the fields must be the hash
   * of the key's bytes.
   */
  @Test
  void shouldFindSameEntryWhenLeafShapeOfThirtyTwoByteKeyChanges() {
    KeyIndex index = new KeyIndex();
    byte[] word = new byte[33];
    word[0] = (byte) 0xa0;
    word[32] = 5;
    byte[][] values = {
      word, {1}, {9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, word, {(byte) 0x88, 1, 2, 3, 4, 5, 6, 7, 8}
    };
    for (int k = 0; k < 200; k++) {
      byte[] key = Bytes.concatenate(Bytes.wrap(new byte[28]), Bytes.ofUnsignedInt(k)).toArray();
      for (byte[] value : values) {
        LeafNode leaf = leaf(key, value);
        assertThat(leaf.preimageHash()).isEqualTo(KeyIndex.hash(key, 0, key.length));
        index.put(leaf);
        assertThat(index.entry(key)).isSameAs(leaf.indexEntry());
        assertThat(index.get(key)).isEqualTo(Bytes.wrap(value));
      }
    }
    assertThat(index.size()).isEqualTo(200);
    assertThat(index.isConsistent()).isTrue();
  }

  @Test
  void shouldProbeAndShiftAcrossChunkEdgeAndTableEndWhenTableSpansTwoChunks() {
    int chunk = KeyIndex.CHUNK_SIZE;
    int capacity = chunk / 2 * 3; // a chunk and a short one
    int last = capacity - 1;
    KeyIndex index = new KeyIndex();
    // Fillers far from the chunk edge and the table's end, so the runs built there are exactly
    // the ones below; 60,000 entries make the table a chunk and a half long.
    long seed = 0;
    for (int n = 0; n < 60_000; seed++) {
      byte[] key = longKey(seed);
      int home = home(key, capacity);
      if (Math.abs(home - chunk) > 1024 && home > 1024 && home < capacity - 1024) {
        index.put(leaf(key, new byte[] {1}));
        n++;
      }
    }
    assertThat(index.capacity()).isEqualTo(capacity);
    // Four keys with home slot chunk - 2 fill chunk - 2 .. chunk + 1; one homed at chunk lands
    // after them. Four homed at the last slot but one wrap around to slots 0 and 1.
    List<byte[]> atEdge = keysWithHome(chunk - 2, 4, capacity, 1L << 40);
    byte[] homedAtSecondChunk = keysWithHome(chunk, 1, capacity, 2L << 40).getFirst();
    List<byte[]> atEnd = keysWithHome(last - 1, 4, capacity, 3L << 40);
    byte[] absentAtEdge = keysWithHome(chunk - 2, 1, capacity, 4L << 40).getFirst();
    for (byte[] key : atEdge) {
      index.put(leaf(key, new byte[] {2}));
    }
    index.put(leaf(homedAtSecondChunk, new byte[] {3}));
    for (byte[] key : atEnd) {
      index.put(leaf(key, new byte[] {4}));
    }

    assertThat(atEdge)
        .extracting(index::slotOf)
        .containsExactly(chunk - 2, chunk - 1, chunk, chunk + 1);
    assertThat(index.slotOf(homedAtSecondChunk)).isEqualTo(chunk + 2);
    assertThat(atEnd).extracting(index::slotOf).containsExactly(last - 1, last, 0, 1);
    for (byte[] key : atEdge) {
      assertThat(index.get(key)).isEqualTo(Bytes.of(2));
    }
    assertThat(index.get(homedAtSecondChunk)).isEqualTo(Bytes.of(3));
    for (byte[] key : atEnd) {
      assertThat(index.get(key)).isEqualTo(Bytes.of(4));
    }
    assertThat(index.get(absentAtEdge)).isNull(); // the probe crosses the edge to an empty slot

    // Removing the first of each run shifts the rest back across the chunk edge and the table's
    // end; the key homed at the second chunk's first slot may move back to it but not before it.
    index.remove(atEdge.getFirst());
    index.remove(atEnd.getFirst());

    assertThat(index.get(atEdge.getFirst())).isNull();
    assertThat(index.get(atEnd.getFirst())).isNull();
    assertThat(atEdge.subList(1, 4))
        .extracting(index::slotOf)
        .containsExactly(chunk - 2, chunk - 1, chunk);
    assertThat(index.slotOf(homedAtSecondChunk)).isEqualTo(chunk + 1);
    assertThat(atEnd.subList(1, 4)).extracting(index::slotOf).containsExactly(last - 1, last, 0);
    assertThat(index.isConsistent()).isTrue();
    assertThat(index.size()).isEqualTo(60_000 + 4 + 1 + 4 - 2);
  }

  @Test
  void shouldMatchMapWhenGrowingAndShrinkingOverManyChunks() {
    KeyIndex index = new KeyIndex();
    Map<Bytes, Bytes> model = new HashMap<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 400_000; i++) {
      byte[] key = longKey(random.nextInt(250_000));
      if (random.nextInt(4) == 0) {
        index.remove(key);
        model.remove(Bytes.wrap(key));
      } else {
        byte[] value = {(byte) (1 + random.nextInt(255))};
        index.put(leaf(key, value));
        model.put(Bytes.wrap(key), Bytes.wrap(value));
      }
    }

    assertThat(index.capacity()).isGreaterThan(2 * KeyIndex.CHUNK_SIZE);
    assertThat(index.isConsistent()).isTrue();
    assertThat(index.size()).isEqualTo(model.size());
    for (int k = 0; k < 250_000; k++) {
      assertThat(index.get(longKey(k))).isEqualTo(model.get(Bytes.wrap(longKey(k))));
    }
  }

  /**
   * The table grows by 3/2 and 4/3 in turn, so it is never less than 9/16 full once it has grown:
   * at a million entries 64% rather than the 48% of a doubling table.
   */
  @Test
  void shouldGrowByHalvesAndThirdsAndStayAtLeastNineSixteenthsFull() {
    KeyIndex index = new KeyIndex();
    List<Integer> capacities = new ArrayList<>(List.of(index.capacity()));
    for (int k = 0; k < 1_000_000; k++) {
      index.put(leaf(longKey(k), new byte[] {1}));
      int capacity = index.capacity();
      if (capacity != capacities.getLast()) {
        capacities.add(capacity);
        assertThat(index.size()).isEqualTo(capacities.get(capacities.size() - 2) / 4 * 3 + 1);
      }
      assertThat(index.size()).isLessThanOrEqualTo(capacity / 4 * 3);
    }

    assertThat(capacities.subList(0, 8)).containsExactly(16, 24, 32, 48, 64, 96, 128, 192);
    for (int i = 1; i < capacities.size(); i++) {
      assertThat(capacities.get(i)).isEqualTo(KeyIndex.grown(capacities.get(i - 1)));
    }
    assertThat(index.capacity()).isEqualTo(1_572_864); // 3 * 2^19
    assertThat((double) index.size() / index.capacity()).isBetween(0.63, 0.64);
    assertThat(index.isConsistent()).isTrue();
    for (int k = 0; k < 1_000_000; k += 997) {
      assertThat(index.get(longKey(k))).isEqualTo(Bytes.of(1));
    }
  }

  private static LeafNode leaf(byte[] key, byte[] value) {
    return LeafNode.ofPreimage(key, value, 0, null);
  }

  private static byte[] longKey(long k) {
    return Bytes.ofUnsignedLong(k).toArray();
  }

  private static int home(byte[] key, int capacity) {
    return KeyIndex.homeSlot(KeyIndex.hash(key, 0, key.length), capacity);
  }

  /** The first {@code count} keys from {@code seed} on whose home slot is {@code slot}. */
  private static List<byte[]> keysWithHome(int slot, int count, int capacity, long seed) {
    List<byte[]> keys = new ArrayList<>();
    for (long k = seed; keys.size() < count; k++) {
      byte[] key = longKey(k);
      if (home(key, capacity) == slot) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Keys of varied lengths (0 to 40 bytes), many sharing bytes, so runs collide and wrap. */
  private static byte[] key(int k) {
    byte[] key = new byte[k % 41];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (k * 31 + i);
    }
    return key;
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 299), Arbitraries.integers().between(0, 3))
            .as(Op::new);
    return op.list().ofMaxSize(600);
  }
}
