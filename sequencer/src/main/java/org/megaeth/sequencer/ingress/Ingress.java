package org.megaeth.sequencer.ingress;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionInvalid;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.sequencer.mempool.AddResult;
import org.megaeth.sequencer.mempool.Mempool;
import org.megaeth.sequencer.mempool.PoolTransaction;
import org.megaeth.sequencer.produce.PublishedChain;
import org.megaeth.sequencer.state.PendingState;

/**
 * Where transactions enter the sequencer. Each is checked on a worker pool (never on the caller's
 * I/O thread, never inside block execution): the chain id and everything the transaction alone
 * decides, with the sender's recovery, which is the costly part; then the pool checks it against
 * the sender's account in the newest mini-block's state and admits or refuses it. Refusals use
 * geth's words. Blob transactions are refused: this chain carries no blobs.
 */
public final class Ingress implements TransactionSink {
  /** What a transaction submitted on its own waits for before the pool: nothing. */
  private static final CompletableFuture<Void> NOTHING_BEFORE =
      CompletableFuture.completedFuture(null);

  private final ChainConfig chain;
  private final Mempool mempool;
  private final PublishedChain published;
  private final ExecutorService workers;
  private final Supplier<NextBlock> nextBlock;
  private final Supplier<PendingState> admissionState;
  private final AdmissionMetrics metrics;

  /** The block a transaction would go in: for the fork's rules and the base fee. */
  public record NextBlock(long number, long timestamp, Wei baseFee) {}

  /**
   * @param workers the pool that recovers senders; the owner shuts it down
   * @param nextBlock the number, time and base fee of the block being built
   * @param admissionState the state after every executed mini-block, durable or not
   * @param metrics counts admissions and refusals
   */
  public Ingress(
      ChainConfig chain,
      Mempool mempool,
      PublishedChain published,
      ExecutorService workers,
      Supplier<NextBlock> nextBlock,
      Supplier<PendingState> admissionState,
      AdmissionMetrics metrics) {
    this.chain = chain;
    this.metrics = metrics;
    this.admissionState = admissionState;
    this.mempool = mempool;
    this.published = published;
    this.workers = workers;
    this.nextBlock = nextBlock;
  }

  @Override
  public CompletableFuture<SubmitResult> submit(PooledTransaction pooled) {
    return submit(pooled, NOTHING_BEFORE);
  }

  /**
   * Checks on a worker at once, and offers to the pool once the check is done and {@code after} has
   * completed; the offer then runs on whichever of the two finished last (the pool's answer may
   * come from yet another thread, see Mempool#offer), so no worker waits for the pool's lock or for
   * an earlier transaction.
   */
  @Override
  public CompletableFuture<SubmitResult> submit(
      PooledTransaction pooled, CompletableFuture<?> after) {
    CompletableFuture<Checked> checked;
    try {
      checked = CompletableFuture.supplyAsync(() -> check(pooled.transaction()), workers);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          metrics.count(SubmitResult.rejected("node is shutting down")));
    }
    CompletableFuture<Checked> ordered =
        after.isDone() ? checked : checked.thenCombine(after.handle((r, e) -> null), (c, i) -> c);
    return ordered.thenCompose(this::offer).thenApply(metrics::count);
  }

  /** What the checks left to do: offer a checked transaction, or answer a refusal. */
  private sealed interface Checked permits Passed, Refused {}

  private record Passed(PoolTransaction transaction, Wei baseFee) implements Checked {}

  private record Refused(SubmitResult answer) implements Checked {}

  /** Checks one transaction alone (its chain, fields and signature); runs on a worker. */
  private Checked check(Transaction tx) {
    if (tx instanceof BlobTransaction) {
      return new Refused(SubmitResult.rejected("transaction type not supported"));
    }
    NextBlock next = nextBlock.get();
    Fork fork = chain.forkAt(next.number(), next.timestamp());
    TransactionValidity validity = TransactionValidator.validate(tx, fork, chain.chainId());
    if (validity instanceof TransactionValidity.Invalid invalid) {
      // geth's pool wraps what signer recovery says in "invalid sender: ...".
      return new Refused(
          SubmitResult.rejected(
              invalid.reason() == TransactionInvalid.INVALID_CHAIN_ID
                  ? TransactionInvalid.INVALID_SENDER.text() + ": " + invalid.message()
                  : invalid.message()));
    }
    TransactionValidity.Valid valid = (TransactionValidity.Valid) validity;
    return new Passed(PoolTransaction.of(tx, valid.sender()), next.baseFee());
  }

  /** Offers a checked transaction to the pool, against the sender's newest account. */
  private CompletableFuture<SubmitResult> offer(Checked checked) {
    return switch (checked) {
      case Refused refused -> CompletableFuture.completedFuture(refused.answer());
      case Passed passed ->
          mempool
              .offer(
                  passed.transaction(),
                  sender -> admissionState.get().sender(sender),
                  passed.baseFee())
              .thenApply(this::answer);
    };
  }

  private SubmitResult answer(AddResult result) {
    return switch (result) {
      case AddResult.Added added -> {
        published.pendingTransaction(added.transaction().hash());
        yield SubmitResult.accepted(added.transaction().hash());
      }
      case AddResult.Rejected rejected -> SubmitResult.rejected(rejected.reason());
    };
  }

  @Override
  public CompletableFuture<TransactionResult> awaitResult(Hash transactionHash) {
    return published.awaitResult(transactionHash);
  }

  /**
   * The pool's view, never behind the newest executed mini-block: a transaction that just ran has
   * left the pool before its mini-block is durable and readable, and the nonce must not step back
   * in that window.
   */
  @Override
  public OptionalLong pendingNonce(Address sender) {
    long executed = admissionState.get().account(sender).map(a -> a.nonce()).orElse(0L);
    OptionalLong pooled = mempool.nextNonce(sender);
    if (pooled.isPresent() && Long.compareUnsigned(pooled.getAsLong(), executed) > 0) {
      return pooled;
    }
    return OptionalLong.of(executed);
  }
}
