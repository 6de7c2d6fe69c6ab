package org.megaeth.rpc.subscription;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.megaeth.core.api.ChainListener;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.SealedBlock;
import org.megaeth.core.types.Hash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the producer's thread and does nothing there but queue: events are handed, in order,
 * to the rpc listeners (subscriptions, filters) on one thread of its own, which formats and fans
 * them out. The queue is bounded; if the rpc side falls that far behind, events are lost, so every
 * target is told ({@code onOverflow}) to end what depends on seeing all of them.
 */
public final class ChainEventDispatcher implements ChainListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainEventDispatcher.class);

  /** A listener of the rpc side, which also learns when events were lost. */
  public interface Target extends ChainListener {
    /** Events were dropped: streams that promised completeness must end. */
    void onOverflow();

    /**
     * Whether anyone listens for pending transactions now. Every admitted transaction is one such
     * event, so without a listener it is not queued at all: queueing cost a lock, an allocation and
     * often a wake-up of the delivering thread per transaction.
     */
    boolean wantsPendingTransactions();
  }

  private final List<Target> targets;
  private final ThreadPoolExecutor thread;

  public ChainEventDispatcher(List<Target> targets, int capacity) {
    this.targets = List.copyOf(targets);
    this.thread =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(capacity),
            Thread.ofPlatform().name("rpc-events").daemon(true).factory());
  }

  @Override
  public void onMiniBlock(MiniBlock miniBlock) {
    enqueue(
        () -> {
          for (Target target : targets) {
            target.onMiniBlock(miniBlock);
          }
        });
  }

  @Override
  public void onBlockSealed(SealedBlock block) {
    enqueue(
        () -> {
          for (Target target : targets) {
            target.onBlockSealed(block);
          }
        });
  }

  @Override
  public void onPendingTransaction(Hash transactionHash) {
    boolean wanted = false;
    for (Target target : targets) {
      wanted |= target.wantsPendingTransactions();
    }
    if (!wanted) {
      return;
    }
    enqueue(
        () -> {
          for (Target target : targets) {
            target.onPendingTransaction(transactionHash);
          }
        });
  }

  private void enqueue(Runnable delivery) {
    try {
      thread.execute(
          () -> {
            try {
              delivery.run();
            } catch (RuntimeException e) {
              LOG.error("delivering a chain event failed", e);
            }
          });
    } catch (RejectedExecutionException full) {
      if (thread.isShutdown()) {
        return;
      }
      LOG.warn("rpc event queue full: dropping subscriptions and filters that would miss events");
      // On this (the producer's) thread only a flag-setting call: the targets' own work is cheap.
      for (Target target : targets) {
        target.onOverflow();
      }
    }
  }

  /**
   * Completes once every event queued before this call has been delivered (for tests and orderly
   * shutdown).
   */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      thread.execute(() -> done.complete(null));
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
