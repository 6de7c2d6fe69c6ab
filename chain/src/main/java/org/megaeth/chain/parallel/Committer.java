package org.megaeth.chain.parallel;

import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.evm.tx.TransactionResult;

/**
 * What the block being built does at each transaction's turn, on the committing thread; the block
 * builder implements it over its block execution. Each method answers null when the transaction is
 * included, or else why it is skipped.
 */
public interface Committer {
  /** Whether the block has room left for the transaction's gas and blob gas; reads no state. */
  String checkLimits(Transaction tx);

  /** Executes the transaction on the block state the ordinary way (the serial path). */
  String executeSerially(Transaction tx, TransactionValidity.Valid validity);

  /**
   * Accounts for a transaction executed ahead of its turn whose reads held and whose state changes
   * are already applied: its receipt and the block's gas.
   *
   * @param logsBloom the bloom of its logs, computed ahead too; null for an invalid transaction
   */
  String record(Transaction tx, TransactionResult result, LogsBloom logsBloom);
}
