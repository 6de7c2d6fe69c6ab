package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.InMemoryNodeStore;

class SecureMerklePatriciaTrieTest {
  @Test
  void shouldEqualPlainTrieOverHashedKeysWhenSameEntries() {
    SecureMerklePatriciaTrie secure = SecureMerklePatriciaTrie.create();
    MerklePatriciaTrie plain = MerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      Bytes key = Bytes.of(i, i);
      secure.put(key, Bytes.of(i + 1));
      plain.put(Bytes.wrap(Keccak.keccak256(key.toArrayUnsafe())), Bytes.of(i + 1));
    }

    assertThat(secure.rootHash()).isEqualTo(plain.rootHash());
    assertThat(secure.get(Bytes.of(5, 5))).contains(Bytes.of(6));
    assertThat(secure.get(Bytes.of(5, 6))).isEmpty();
  }

  @Property(tries = 200)
  void shouldReadSameValuesWhenReadingByIndexFromCopyOrFromStore(
      @ForAll("ops") List<Tuple2<Integer, Integer>> ops) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    SecureMerklePatriciaTrie copy = null;
    Map<Bytes, Bytes> modelAtCopy = null;
    for (int i = 0; i < ops.size(); i++) {
      Bytes key = Bytes.ofUnsignedShort(ops.get(i).get1());
      Bytes value = ops.get(i).get2() == 0 ? Bytes.EMPTY : Bytes.of(ops.get(i).get2());
      trie.put(key, value);
      if (value.isEmpty()) {
        model.remove(key);
      } else {
        model.put(key, value);
      }
      if (i == ops.size() / 2) {
        copy = trie.copy();
        modelAtCopy = new HashMap<>(model);
      }
    }
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(trie.commit());
    SecureMerklePatriciaTrie loaded = SecureMerklePatriciaTrie.load(trie.rootHash(), store);

    for (int k = 0; k < 40; k++) {
      Bytes key = Bytes.ofUnsignedShort(k);
      assertThat(trie.get(key)).isEqualTo(Optional.ofNullable(model.get(key)));
      assertThat(loaded.get(key)).isEqualTo(Optional.ofNullable(model.get(key)));
      if (copy != null) {
        assertThat(copy.get(key)).isEqualTo(Optional.ofNullable(modelAtCopy.get(key)));
      }
    }
  }

  @Test
  void shouldWalkTrieWhenRecordingSoWitnessHoldsPathOfRead() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      trie.put(Bytes.of(i), Bytes.of(1, i));
    }
    trie.rootHash();

    trie.startRecording();
    Optional<Bytes> value = trie.get(Bytes.of(42));
    Witness witness = trie.stopRecording();

    assertThat(value).contains(Bytes.of(1, 42));
    assertThat(SecureMerklePatriciaTrie.fromWitness(witness).get(Bytes.of(42)))
        .contains(Bytes.of(1, 42));
  }

  @Test
  void shouldHashOnlyChangedPathWhenOneKeyIsUpdated() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (int i = 0; i < 1000; i++) {
      trie.put(
          Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i, (byte) (i >> 8)})),
          Bytes.ofUnsignedShort(i));
    }
    trie.rootHash();
    long before = trie.hashedNodeCount();

    trie.put(Bytes.wrap(Keccak.keccak256(new byte[] {5, 0})), Bytes.of(9, 9));
    trie.rootHash();

    // 1,000 random keys: the leaf sits under two to four branches, and only that path is hashed.
    assertThat(trie.hashedNodeCount() - before).isBetween(3L, 5L);
    assertThat(trie.copy().hashedNodeCount()).isZero();
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, Integer>>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 39), Arbitraries.integers().between(0, 3))
        .as(Tuple::of)
        .list()
        .ofMaxSize(120);
  }

  @Test
  void shouldReproduceRootWhenReplayedOnWitnessOrReloadedFromStore() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      trie.put(Bytes.of(i), Bytes.of(1, i));
    }
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(trie.commit());
    Hash pre = trie.rootHash();
    Map<Bytes, Bytes> changes = Map.of(Bytes.of(3), Bytes.EMPTY, Bytes.of(200), Bytes.of(9));

    trie.startRecording();
    trie.apply(changes);
    Hash post = trie.rootHash();
    Witness witness = trie.stopRecording();

    SecureMerklePatriciaTrie stateless = SecureMerklePatriciaTrie.fromWitness(witness);
    stateless.apply(changes);
    assertThat(witness.root()).isEqualTo(pre);
    assertThat(stateless.rootHash()).isEqualTo(post);
    SecureMerklePatriciaTrie loaded = SecureMerklePatriciaTrie.load(pre, store);
    loaded.apply(changes);
    assertThat(loaded.rootHash()).isEqualTo(post);
  }
}
