package org.megaeth.rpc.chain;

import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.Block;
import org.megaeth.core.tx.SenderRecovery;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * The sender of a sealed transaction: from the node's cache when it kept one, else recovered from
 * the signature (about 40 µs each, so the cache matters for large blocks).
 */
public final class Senders {
  private final ChainReader chain;

  public Senders(ChainReader chain) {
    this.chain = chain;
  }

  public Address sender(Block block, Hash blockHash, int index) {
    return chain
        .sender(blockHash, index)
        .orElseGet(() -> recover(block.body().transactions().get(index)));
  }

  /** Recovers the sender; a sealed transaction always has one, so failure is a bug. */
  public static Address recover(Transaction tx) {
    return switch (tx.sender()) {
      case SenderRecovery.Recovered r -> r.sender();
      case SenderRecovery.Invalid invalid ->
          throw new IllegalStateException(
              "sealed transaction " + tx.hash() + " has no sender: " + invalid.reason());
    };
  }
}
