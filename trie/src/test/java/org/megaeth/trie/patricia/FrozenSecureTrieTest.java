package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.InMemoryNodeStore;

class FrozenSecureTrieTest {
  private static Bytes key(int i) {
    return Bytes.ofUnsignedInt(i);
  }

  private static Bytes value(int i, int version) {
    return Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i, (byte) (i >> 8), (byte) version}));
  }

  @Test
  void shouldAnswerLikeTheLiveTrieWhenFrozen() throws InvalidProofException {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 500; i++) {
      trie.put(key(i), value(i, 0));
    }

    FrozenSecureTrie frozen = trie.freeze();

    assertThat(frozen.rootHash()).isEqualTo(trie.rootHash());
    for (int i = 0; i < 600; i++) {
      assertThat(frozen.get(key(i))).isEqualTo(trie.get(key(i)));
      assertThat(frozen.getProof(key(i))).isEqualTo(trie.getProof(key(i)));
      assertThat(MerkleProof.verify(frozen.rootHash(), keccak(key(i)), frozen.getProof(key(i))))
          .isEqualTo(trie.get(key(i)));
    }
  }

  @Test
  void shouldKeepContentProofsAndRootWhenTheTrieChangesAfterwards() {
    Random random = new Random(1);
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (int i = 0; i < 2000; i++) {
      trie.put(key(i), value(i, 0));
      model.put(key(i), value(i, 0));
    }
    FrozenSecureTrie frozen = trie.freeze();
    Hash root = frozen.rootHash();
    List<List<Bytes>> proofs = new ArrayList<>();
    for (int i = 0; i < 2000; i += 7) {
      proofs.add(frozen.getProof(key(i)));
    }

    // Rewrite, remove and add around every node of the frozen version, hashing in between.
    for (int round = 1; round <= 20; round++) {
      Map<Bytes, Bytes> changes = new HashMap<>();
      for (int j = 0; j < 300; j++) {
        int i = random.nextInt(2500);
        changes.put(key(i), random.nextInt(4) == 0 ? Bytes.EMPTY : value(i, round));
      }
      trie.apply(changes);
      trie.rootHash();
    }

    assertThat(frozen.rootHash()).isEqualTo(root);
    assertThat(scratchRoot(frozen)).isEqualTo(root);
    Map<Bytes, Bytes> seen = new HashMap<>();
    frozen.iterator().forEachRemaining(e -> seen.put(e.key(), e.value()));
    assertThat(seen).isEqualTo(model);
    for (int i = 0, p = 0; i < 2000; i += 7, p++) {
      assertThat(frozen.getProof(key(i))).isEqualTo(proofs.get(p));
      assertThat(frozen.get(key(i))).contains(model.get(key(i)));
    }
  }

  @Test
  void shouldIterateInHashedKeyOrderWhenWalkingEntries() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 300; i++) {
      trie.put(key(i), value(i, 0));
    }

    List<Bytes> hashedKeys = new ArrayList<>();
    trie.freeze().iterator().forEachRemaining(e -> hashedKeys.add(keccak(e.key())));

    assertThat(hashedKeys).hasSize(300);
    assertThat(hashedKeys).isSortedAccordingTo(Bytes::compareTo);
  }

  @Test
  void shouldBeEmptyWhenTrieIsEmpty() {
    FrozenSecureTrie frozen = SecureMerklePatriciaTrie.create().freeze();

    assertThat(frozen.isEmpty()).isTrue();
    assertThat(frozen.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    assertThat(frozen.get(key(1))).isEmpty();
    assertThat(frozen.getProof(key(1))).isEmpty();
    assertThat(frozen.iterator().hasNext()).isFalse();
    assertThat(FrozenSecureTrie.EMPTY.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
  }

  @Test
  void shouldReadThroughStoreButRefuseToIterateWhenLeavesLackKeys() {
    SecureMerklePatriciaTrie built = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      built.put(key(i), value(i, 0));
    }
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(built.commit());

    FrozenSecureTrie frozen = SecureMerklePatriciaTrie.load(built.rootHash(), store).freeze();

    assertThat(frozen.get(key(42))).contains(value(42, 0));
    assertThat(frozen.getProof(key(42))).isEqualTo(built.getProof(key(42)));
    Iterator<FrozenSecureTrie.Entry> entries = frozen.iterator();
    assertThatThrownBy(entries::hasNext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no key preimage");
  }

  private static Bytes keccak(Bytes key) {
    return Bytes.wrap(Keccak.keccak256(key.toArrayUnsafe()));
  }

  private static Hash scratchRoot(FrozenSecureTrie frozen) {
    SecureMerklePatriciaTrie scratch = SecureMerklePatriciaTrie.create();
    frozen.iterator().forEachRemaining(e -> scratch.put(e.key(), e.value()));
    return scratch.rootHash();
  }
}
