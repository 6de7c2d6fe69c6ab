package org.megaeth.core.api;

import org.megaeth.core.types.Hash;

/**
 * Hears what is new on the chain. Called on the producer's thread, in order: every method must
 * return quickly and must not block or throw (hand the event to your own queue instead); a slow
 * listener would slow block production.
 */
public interface ChainListener {

  /** A mini-block was produced (and is durable: it is in the write-ahead log). */
  default void onMiniBlock(MiniBlock miniBlock) {}

  /** An EVM block was sealed; {@link ChainReader} serves it already. */
  default void onBlockSealed(SealedBlock block) {}

  /** A transaction entered the pool. */
  default void onPendingTransaction(Hash transactionHash) {}
}
