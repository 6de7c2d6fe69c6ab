package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        index.put(LeafNode.preimageData(key, value));
        model.put(Bytes.wrap(key), Bytes.wrap(value));
      }
    }

    assertThat(index.isConsistent()).isTrue();
    assertThat(index.size()).isEqualTo(model.size());
    for (int k = 0; k < 300; k++) {
      byte[] data = index.get(key(k));
      Bytes expected = model.get(Bytes.wrap(key(k)));
      if (expected == null) {
        assertThat(data).isNull();
      } else {
        assertThat(LeafNode.value(data)).isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldKeepExistingEntryWhenSameValueIsPutAgain() {
    KeyIndex index = new KeyIndex();
    byte[] first = LeafNode.preimageData(key(7), new byte[] {1});
    byte[] again = LeafNode.preimageData(key(7), new byte[] {1});
    byte[] changed = LeafNode.preimageData(key(7), new byte[] {2});

    index.put(first);
    index.put(again);
    assertThat(index.get(key(7))).isSameAs(first);
    index.put(changed);
    assertThat(index.get(key(7))).isSameAs(changed);
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
