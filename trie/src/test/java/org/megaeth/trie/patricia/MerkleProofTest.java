package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

class MerkleProofTest {
  private static Bytes wide(int i) {
    return Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i}));
  }

  @Test
  void shouldProveAbsenceWithNoNodesWhenTrieIsEmpty() throws InvalidProofException {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();

    assertThat(trie.getProof(Bytes.of(1))).isEmpty();
    assertThat(MerkleProof.verify(MerklePatriciaTrie.EMPTY_TRIE_ROOT, Bytes.of(1), List.of()))
        .isEmpty();
  }

  @Test
  void shouldStartWithRootAndEndAtLeafWhenKeyIsPresent() throws InvalidProofException {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      trie.put(wide(i), Bytes.of(i + 1));
    }
    Hash root = trie.rootHash();

    List<Bytes> proof = trie.getProof(wide(5));

    assertThat(Keccak.hash(proof.get(0))).isEqualTo(root);
    assertThat(proof.size()).isBetween(2, 4);
    assertThat(MerkleProof.verify(root, wide(5), proof)).contains(Bytes.of(6));
  }

  @Test
  void shouldProveAbsenceWhenKeyIsNotInTrie() throws InvalidProofException {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      trie.put(wide(i), Bytes.of(i + 1));
    }
    Hash root = trie.rootHash();

    assertThat(MerkleProof.verify(root, wide(200), trie.getProof(wide(200)))).isEmpty();
  }

  @Test
  void shouldIncludeRootWhenItsEncodingIsUnder32Bytes() throws InvalidProofException {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.put(Bytes.of(1), Bytes.of(2));

    List<Bytes> proof = trie.getProof(Bytes.of(1));

    assertThat(proof).hasSize(1);
    assertThat(proof.get(0).size()).isLessThan(32);
    assertThat(MerkleProof.verify(trie.rootHash(), Bytes.of(1), proof)).contains(Bytes.of(2));
  }

  @Test
  void shouldRejectProofWhenCheckedAgainstAnotherRoot() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.put(Bytes.of(1), Bytes.of(2));
    List<Bytes> proof = trie.getProof(Bytes.of(1));

    assertThatThrownBy(() -> MerkleProof.verify(Keccak.hash(Bytes.of(0)), Bytes.of(1), proof))
        .isInstanceOf(InvalidProofException.class)
        .hasMessageContaining("does not hash to");
    assertThatThrownBy(
            () -> MerkleProof.verify(MerklePatriciaTrie.EMPTY_TRIE_ROOT, Bytes.of(1), proof))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void shouldVerifySecureProofWhenKeyIsHashed() throws InvalidProofException {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 50; i++) {
      trie.put(Bytes.of(i), Bytes.of(1, i));
    }

    List<Bytes> proof = trie.getProof(Bytes.of(7));

    Bytes hashedKey = Bytes.wrap(Keccak.keccak256(new byte[] {7}));
    assertThat(MerkleProof.verify(trie.rootHash(), hashedKey, proof)).contains(Bytes.of(1, 7));
  }
}
