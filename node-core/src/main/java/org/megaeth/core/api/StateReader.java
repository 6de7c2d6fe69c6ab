package org.megaeth.core.api;

import java.util.Optional;

/** Opens state views. Thread-safe. */
public interface StateReader {

  /**
   * The state at {@code ref}. Always present for {@link BlockRef.Newest}. For a block, empty when
   * the block is unknown or its state is not kept (pruned history), which JSON-RPC reports as geth
   * does; the caller tells the two apart through {@link ChainReader}.
   */
  Optional<StateView> state(BlockRef ref);
}
