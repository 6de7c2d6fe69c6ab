package org.megaeth.trie.patricia;

import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * A read or update needed a trie node that the node source does not have, or has with content that
 * does not hash to the expected hash. The trie never answers from a guess: a stateless verifier
 * with an incomplete witness gets this, never a wrong value or root.
 *
 * <p>Unchecked because it surfaces from deep inside get/put/apply (and from worker threads); the
 * boundary that supplied the nodes (block import, the prover, a store loader) catches it and
 * rejects its input. The trie is unchanged when an update throws it.
 */
public final class MissingTrieNodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Hash hash;
  private final transient Bytes path;

  public MissingTrieNodeException(Hash hash, Bytes path, String detail) {
    super("missing trie node " + hash + " at path [" + nibbles(path) + "]: " + detail);
    this.hash = hash;
    this.path = path;
  }

  /** The hash of the node that was needed. */
  public Hash hash() {
    return hash;
  }

  /** The node's position: the nibbles (one per byte) from the root to the node. */
  public Bytes path() {
    return path;
  }

  private static String nibbles(Bytes path) {
    return Nibbles.toString(path.toArrayUnsafe());
  }
}
