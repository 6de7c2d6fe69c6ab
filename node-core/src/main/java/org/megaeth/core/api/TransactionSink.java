package org.megaeth.core.api;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * Where transactions enter the node: the sequencer's pool, or a full node's forwarder to it.
 * Thread-safe; neither method blocks.
 */
public interface TransactionSink {

  /**
   * Submits a decoded transaction (decoded once at ingress, so the caller can report malformed
   * bytes itself). The future completes once the pool accepted or refused it; it completes
   * exceptionally only when the node cannot take transactions at all (shutting down).
   */
  CompletableFuture<SubmitResult> submit(PooledTransaction transaction);

  /**
   * {@link #submit}, but the pool sees the transaction only once {@code after} has completed
   * (normally or not): transactions submitted one after another this way reach the pool in that
   * order, as if each waited for the one before, while the checks that need no pool (the sender's
   * recovery) may run at once. A JSON-RPC batch submits its transactions so. This default waits for
   * {@code after} before anything; the sequencer's ingress checks at once.
   */
  default CompletableFuture<SubmitResult> submit(
      PooledTransaction transaction, CompletableFuture<?> after) {
    return after.handle((ignored, failure) -> null).thenCompose(ignored -> submit(transaction));
  }

  /**
   * The transaction's result once it is in a mini-block: at once if it already is (in the open
   * block or a recent sealed one), else when its mini-block is out. The future never completes for
   * a transaction that is never executed (dropped, replaced), so callers put a timeout on it and
   * cancel it when they stop waiting; an implementation drops cancelled waiters.
   */
  CompletableFuture<TransactionResult> awaitResult(Hash transactionHash);

  /**
   * The nonce the sender's next transaction should carry as the pool sees it: one past the last of
   * its pooled transactions that can run without a gap, or the pool's newest view of its account
   * nonce; empty when the pool holds nothing of the sender (callers then use the state's nonce).
   * What {@code eth_getTransactionCount} answers at {@code pending}, as geth counts its pool: a
   * wallet sending twice in a row needs it.
   */
  OptionalLong pendingNonce(Address sender);
}
