package org.megaeth.sequencer.mempool;

import java.util.Optional;

/** What offering a transaction to the pool did. */
public sealed interface AddResult permits AddResult.Added, AddResult.Rejected {

  /**
   * In the pool.
   *
   * @param pending true when it can run next (no nonce gap before it), false when it waits for one
   * @param replaced the transaction with the same sender and nonce it replaced
   */
  record Added(PoolTransaction transaction, boolean pending, Optional<PoolTransaction> replaced)
      implements AddResult {}

  /** Not in the pool, with geth's words for why. */
  record Rejected(String reason) implements AddResult {}
}
