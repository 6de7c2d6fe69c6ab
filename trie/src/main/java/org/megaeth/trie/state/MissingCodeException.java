package org.megaeth.trie.state;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * A contract's code is not in the code store (a stateless verifier's witness lacks it). Unchecked
 * for the same reason as {@code MissingTrieNodeException}: the boundary that supplied the witness
 * rejects it.
 */
public final class MissingCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Hash codeHash;

  public MissingCodeException(Address address, Hash codeHash) {
    super("missing code " + codeHash + " of account " + address);
    this.codeHash = codeHash;
  }

  public Hash codeHash() {
    return codeHash;
  }
}
