package org.megaeth.chain.store;

import org.megaeth.core.block.BlockHeader;
import org.megaeth.trie.state.WorldState;

/**
 * What {@link ChainStore#openState} found: the stored state and its block, or why there is none.
 */
public sealed interface StoredState {
  /**
   * The post-state of {@code block}, read lazily from the chain database.
   *
   * @param block the header whose state root the state has (checked)
   */
  record Opened(BlockHeader block, WorldState state) implements StoredState {}

  /** No usable state: the database holds none, or one that does not match its block. */
  record Unavailable(String reason) implements StoredState {}
}
