package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.InMemoryNodeStore;
import org.megaeth.trie.store.NodeBatch;

class MerklePatriciaTrieTest {
  private static Bytes utf8(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Bytes wide(int i) {
    return Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i, (byte) (i >>> 8)}));
  }

  private static MerklePatriciaTrie wideTrie(int count) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (int i = 0; i < count; i++) {
      trie.put(wide(i), Bytes.of(1, 2, 3, i & 0xff));
    }
    return trie;
  }

  @Test
  void shouldHaveEmptyRootWhenNothingWasInserted() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();

    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    assertThat(MerklePatriciaTrie.EMPTY_TRIE_ROOT).isEqualTo(Keccak.hash(Rlp.EMPTY_STRING));
    assertThat(trie.isEmpty()).isTrue();
  }

  @Test
  void shouldReturnEmptyRootWhenLastKeyIsRemoved() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.put(utf8("dog"), utf8("puppy"));
    trie.put(utf8("do"), utf8("verb"));

    trie.remove(utf8("dog"));
    trie.put(utf8("do"), Bytes.EMPTY);

    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
  }

  @Test
  void shouldReturnValuesWhenKeysArePrefixesOfEachOther() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.put(utf8("do"), utf8("verb"));
    trie.put(utf8("dog"), utf8("puppy"));
    trie.put(utf8("doge"), utf8("coin"));

    assertThat(trie.get(utf8("do"))).contains(utf8("verb"));
    assertThat(trie.get(utf8("dog"))).contains(utf8("puppy"));
    assertThat(trie.get(utf8("doge"))).contains(utf8("coin"));
    assertThat(trie.get(utf8("d"))).isEmpty();
    assertThat(trie.get(utf8("dogs"))).isEmpty();
  }

  @Test
  void shouldProduceNoNodeWritesWhenSameValueIsPutAgain() {
    MerklePatriciaTrie trie = wideTrie(50);
    trie.commit();

    trie.put(wide(7), Bytes.of(1, 2, 3, 7));

    assertThat(trie.commit().isEmpty()).isTrue();
  }

  @Test
  void shouldLeaveCopyUnchangedWhenOriginalIsUpdated() {
    MerklePatriciaTrie trie = wideTrie(50);
    Hash before = trie.rootHash();
    MerklePatriciaTrie copy = trie.copy();

    trie.put(wide(1), Bytes.of(9));
    trie.remove(wide(2));

    assertThat(copy.rootHash()).isEqualTo(before);
    assertThat(copy.get(wide(2))).contains(Bytes.of(1, 2, 3, 2));
    assertThat(trie.rootHash()).isNotEqualTo(before);
  }

  @Test
  void shouldIterateInKeyOrderWhenForEachIsCalled() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (String key : List.of("doge", "b", "do", "a", "dog", "z")) {
      trie.put(utf8(key), utf8(key));
    }
    List<String> keys = new ArrayList<>();

    trie.forEach((k, v) -> keys.add(new String(k.toArrayUnsafe(), StandardCharsets.UTF_8)));

    assertThat(keys).containsExactly("a", "b", "do", "dog", "doge", "z");
  }

  @Test
  void shouldNameHashAndPathWhenPartialTrieLacksANode() {
    MerklePatriciaTrie trie = wideTrie(100);
    Hash root = trie.rootHash();
    MerklePatriciaTrie partial = MerklePatriciaTrie.fromWitness(root, Map.of());

    assertThatThrownBy(() -> partial.get(wide(1)))
        .isInstanceOfSatisfying(
            MissingTrieNodeException.class,
            e -> {
              assertThat(e.hash()).isEqualTo(root);
              assertThat(e.path()).isEqualTo(Bytes.EMPTY);
              assertThat(e.getMessage()).contains(root.toHexString());
            });
  }

  @Test
  void shouldRejectNodeWhenWitnessContentDoesNotMatchItsHash() {
    MerklePatriciaTrie trie = wideTrie(100);
    trie.startRecording();
    trie.get(wide(1));
    Witness witness = trie.stopRecording();
    Map<Hash, Bytes> forged = new HashMap<>(witness.nodes());
    Bytes rootNode = forged.get(witness.root());
    byte[] changed = rootNode.toArray();
    changed[changed.length - 2] ^= 1;
    forged.put(witness.root(), Bytes.wrap(changed));

    MerklePatriciaTrie partial = MerklePatriciaTrie.fromWitness(witness.root(), forged);

    assertThatThrownBy(() -> partial.get(wide(1)))
        .isInstanceOf(MissingTrieNodeException.class)
        .hasMessageContaining("has a node with hash");
  }

  @Test
  void shouldLeaveTrieUnchangedWhenBatchNeedsAMissingNode() {
    MerklePatriciaTrie trie = wideTrie(100);
    trie.startRecording();
    trie.put(wide(1), Bytes.of(7));
    Witness witness = trie.stopRecording();
    MerklePatriciaTrie partial = MerklePatriciaTrie.fromWitness(witness);
    Map<Bytes, Bytes> batch = new LinkedHashMap<>();
    batch.put(wide(1), Bytes.of(7));
    batch.put(wide(2), Bytes.of(8)); // not covered by the witness

    assertThatThrownBy(() -> partial.apply(batch)).isInstanceOf(MissingTrieNodeException.class);
    assertThat(partial.rootHash()).isEqualTo(witness.root());
  }

  @Test
  void shouldFailRatherThanReadNewerNodesWhenLoadingAnOlderRootFromPathStore() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = wideTrie(100);
    store.apply(trie.commit());
    Hash oldRoot = trie.rootHash();
    trie.put(wide(1), Bytes.of(7));
    store.apply(trie.commit());

    MerklePatriciaTrie old = MerklePatriciaTrie.load(oldRoot, store);

    assertThatThrownBy(() -> old.get(wide(1))).isInstanceOf(MissingTrieNodeException.class);
    assertThat(MerklePatriciaTrie.load(trie.rootHash(), store).get(wide(1))).contains(Bytes.of(7));
  }

  @Test
  void shouldStoreRootUnderEmptyPathWhenRootEncodingIsUnder32Bytes() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.put(Bytes.of(1), Bytes.of(2));

    NodeBatch batch = trie.commit();
    store.apply(batch);

    assertThat(batch.puts()).containsOnlyKeys(Bytes.EMPTY);
    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    assertThat(loaded.get(Bytes.of(1))).contains(Bytes.of(2));
    loaded.remove(Bytes.of(1));
    assertThat(loaded.commit().deletes()).containsExactly(Bytes.EMPTY);
  }

  @Test
  void shouldKeepOnlyPreStateNodesInWitnessWhenRootIsHashedWhileRecording() {
    MerklePatriciaTrie trie = wideTrie(300);
    Map<Bytes, Bytes> preState = trie.copy().commit().puts();
    trie.startRecording();

    trie.put(wide(1), Bytes.of(7));
    trie.rootHash();
    trie.get(wide(1)); // walks nodes created and hashed after recording began
    trie.get(wide(2));
    Witness witness = trie.stopRecording();

    List<Hash> preStateHashes = new ArrayList<>();
    preState.values().forEach(node -> preStateHashes.add(Keccak.hash(node)));
    assertThat(witness.nodes()).isNotEmpty();
    assertThat(preStateHashes).containsAll(witness.nodes().keySet());
  }

  @Test
  void shouldRejectStopWhenNotRecording() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();

    assertThatThrownBy(trie::stopRecording).isInstanceOf(IllegalStateException.class);
    trie.startRecording();
    assertThatThrownBy(trie::startRecording).isInstanceOf(IllegalStateException.class);
  }
}
