package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
