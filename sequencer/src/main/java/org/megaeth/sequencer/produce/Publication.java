package org.megaeth.sequencer.produce;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.core.api.BlockContext;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.sequencer.state.BaseState;

/**
 * Something the producer made that becomes visible once the log record behind it is durable.
 * Publications are applied one at a time, in the order they were made.
 */
public sealed interface Publication
    permits Publication.MiniBlockOut, Publication.StateOut, Publication.BlockOut {
  /** Completes when the log record this publication rests on is durable. */
  CompletableFuture<Void> durable();

  /**
   * A mini-block: its transactions' results (preconfirmed: no block hash yet) and its diff, with
   * what {@link MiniBlockSigning} signs it over.
   *
   * @param encodedReceipts the results' receipts in their consensus encoding, in order
   */
  record MiniBlockOut(
      long sequence,
      long blockNumber,
      int index,
      long timestampMicros,
      List<TransactionResult> results,
      List<Bytes> encodedReceipts,
      StateDiff diff,
      CompletableFuture<Void> durable)
      implements Publication {
    public MiniBlockOut {
      results = List.copyOf(results);
      encodedReceipts = List.copyOf(encodedReceipts);
      if (encodedReceipts.size() != results.size()) {
        throw new IllegalArgumentException(
            results.size() + " results but " + encodedReceipts.size() + " encoded receipts");
      }
    }
  }

  /**
   * A block was opened: the environment its transactions run in, and what the start-of-block system
   * calls changed.
   */
  record StateOut(
      BlockContext block, long sequence, StateDiff diff, CompletableFuture<Void> durable)
      implements Publication {}

  /**
   * A sealed block with everything stored with it, and the state after it.
   *
   * @param signature the sequencer's signature over the block hash
   * @param logPosition where the block's records start in the log: a snapshot of the state after
   *     this block makes the log before {@code nextLogPosition} unnecessary
   */
  record BlockOut(
      BlockBuilder.Built built,
      BaseState state,
      long sequence,
      Signature signature,
      long nextLogPosition,
      CompletableFuture<Void> durable)
      implements Publication {}
}
