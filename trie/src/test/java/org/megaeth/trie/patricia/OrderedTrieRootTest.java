package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;

/**
 * The one-pass ordered root equals the root of the general trie holding item {@code i} under {@code
 * rlp(i)}, at every size where the key layout changes (1-byte keys up to 127, 0x80 for 0, 0x81..
 * from 128, 0x82.. from 256, 0x83.. from 65,536) and with items short enough for nodes to be
 * embedded in their parents.
 */
class OrderedTrieRootTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 16, 17, 127, 128, 129, 130, 255, 256, 257, 1000, 4097})
  void shouldEqualTheGeneralTriesRootForLongItems(int count) {
    List<Bytes> items = items(count, new Random(count), 40, 300);
    assertThat(OrderedTrieRoot.of(items)).isEqualTo(generalRoot(items));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 17, 128, 300, 5000})
  void shouldEqualTheGeneralTriesRootWhenNodesAreEmbedded(int count) {
    // Items of 1-3 bytes make leaves under 32 bytes, which a parent embeds instead of hashing.
    List<Bytes> items = items(count, new Random(31L * count), 1, 3);
    assertThat(OrderedTrieRoot.of(items)).isEqualTo(generalRoot(items));
  }

  @ParameterizedTest
  @ValueSource(ints = {65_536, 65_537, 70_001})
  void shouldEqualTheGeneralTriesRootPastThreeByteKeys(int count) {
    List<Bytes> items = items(count, new Random(count), 1, 40);
    assertThat(OrderedTrieRoot.of(items)).isEqualTo(generalRoot(items));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 200})
  void shouldChangeWhenAnyItemChanges(int count) {
    List<Bytes> items = items(count, new Random(7), 1, 100);
    Hash root = OrderedTrieRoot.of(items);
    List<Bytes> changed = new ArrayList<>(items);
    changed.set(count / 2, Bytes.concatenate(items.get(count / 2), Bytes.of(1)));
    assertThat(OrderedTrieRoot.of(changed)).isNotEqualTo(root);
  }

  static List<Bytes> items(int count, Random random, int minLength, int maxLength) {
    List<Bytes> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] item = new byte[minLength + random.nextInt(maxLength - minLength + 1)];
      random.nextBytes(item);
      items.add(Bytes.wrap(item));
    }
    return items;
  }

  private static Hash generalRoot(List<Bytes> items) {
    Map<Bytes, Bytes> entries = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      long index = i;
      entries.put(Rlp.encode(w -> w.writeUInt64(index)), items.get(i));
    }
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.apply(entries);
    return trie.rootHash();
  }
}
