package org.megaeth.trie.patricia;

/**
 * A Merkle proof that does not prove anything about the key against the root: a node that does not
 * hash to the reference pointing at it, a missing or extra node, or a malformed encoding. Checked:
 * proofs come from peers and RPC clients, and rejecting one is the normal outcome.
 */
public final class InvalidProofException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidProofException(String message) {
    super(message);
  }
}
