package org.megaeth.trie.store;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * Where a persisted world state lives (read side): the account trie's nodes, one namespace of
 * storage-trie nodes per account, and contract codes by hash. Both kinds of node are keyed by path
 * ({@link NodeStore} explains why). The writes of one block come out of the world state as one
 * {@link StateBatch}, which the storage layer applies together with the block's other records.
 *
 * <p>Implementations must allow concurrent reads: storage tries are updated on several threads.
 */
public interface StateStore {
  /** The account trie's nodes. */
  NodeStore accountTrie();

  /**
   * The nodes of one account's storage trie.
   *
   * @param accountHash keccak256 of the account's address, the account trie's key for it
   */
  NodeStore storageTrie(Hash accountHash);

  /** The code with hash {@code codeHash}, if it is stored. */
  Optional<Bytes> code(Hash codeHash);
}
