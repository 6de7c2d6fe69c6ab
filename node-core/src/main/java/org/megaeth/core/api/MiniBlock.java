package org.megaeth.core.api;

import java.util.List;

/**
 * A mini-block as clients see it: the transactions the sequencer executed since the previous one,
 * with their results. Its transactions are final in content and order; their block hash comes when
 * the EVM block is sealed.
 *
 * @param sequenceNumber increases by one per mini-block over the life of the chain
 * @param blockNumber the EVM block the mini-block belongs to (one above the newest sealed block)
 * @param index the mini-block's index within that EVM block, from 0
 * @param timestampMicros when the mini-block was produced, microseconds since the epoch
 * @param transactions the results in execution order (block-wide indexes, no block hash)
 */
public record MiniBlock(
    long sequenceNumber,
    long blockNumber,
    int index,
    long timestampMicros,
    List<TransactionResult> transactions) {
  public MiniBlock {
    transactions = List.copyOf(transactions);
  }
}
