package org.megaeth.trie.patricia;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Hash;

/**
 * Verifies {@code eth_getProof}-style proofs (see {@link MerklePatriciaTrie#getProof}). Stricter
 * than geth's hash-set check: the nodes must come in path order, each one the node its parent
 * refers to, with none left over, so any tampering (a changed byte, a dropped, reordered or extra
 * node) is rejected.
 */
public final class MerkleProof {
  private MerkleProof() {}

  /**
   * The value at {@code key} in the trie with root {@code root}, or empty when the proof shows the
   * key is absent. For a secure trie pass {@code keccak256(key)}.
   *
   * @throws InvalidProofException when the proof does not prove either
   */
  public static Optional<Bytes> verify(Hash root, Bytes key, List<Bytes> proof)
      throws InvalidProofException {
    if (root.equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException("the empty trie's proof has no nodes");
      }
      return Optional.empty();
    }
    if (proof.isEmpty()) {
      throw new InvalidProofException("proof has no nodes");
    }
    byte[] k = Nibbles.fromBytes(key);
    int used = 0;
    Node node = new HashNode(root.toArray());
    int depth = 0;
    byte[] value = null;
    while (node != null) {
      if (node instanceof HashNode) {
        if (used == proof.size()) {
          throw new InvalidProofException("proof ends before the key's path does, at node " + used);
        }
        node = decodeProofNode(proof.get(used), node.ref(), Nibbles.prefix(k, depth, -1), used);
        used++;
      }
      if (node instanceof LeafNode leaf) {
        value = leaf.pathEquals(k, depth) ? leaf.valueArray() : null;
        break;
      } else if (node instanceof ExtensionNode ext) {
        if (!Nibbles.startsWith(k, depth, ext.path)) {
          break;
        }
        depth += ext.path.length;
        node = ext.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (depth == k.length) {
          value = branch.value();
          break;
        }
        node = branch.child(k[depth++]);
      }
    }
    if (used != proof.size()) {
      throw new InvalidProofException(
          "proof has " + (proof.size() - used) + " node(s) beyond the key's path");
    }
    return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
  }

  private static Node decodeProofNode(Bytes encoded, byte[] expectedHash, byte[] path, int index)
      throws InvalidProofException {
    byte[] encoding = encoded.toArray();
    if (!Arrays.equals(Keccak.keccak256(encoding), expectedHash)) {
      throw new InvalidProofException(
          "proof node " + index + " does not hash to " + Hash.wrap(expectedHash));
    }
    try {
      return NodeDecoder.decode(encoding, expectedHash, path);
    } catch (RlpException e) {
      throw new InvalidProofException("proof node " + index + " is malformed: " + e.getMessage());
    }
  }
}
