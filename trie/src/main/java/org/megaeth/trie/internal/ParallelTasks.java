package org.megaeth.trie.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent subtrie tasks on a caller-provided executor, the calling thread taking part.
 * Tasks are claimed from a shared counter, so the call cannot deadlock even when the executor is
 * saturated or is the pool the caller runs in: helpers that never start simply find nothing left.
 * The trie owns no threads (DESIGN.md section 3).
 */
public final class ParallelTasks {
  private ParallelTasks() {}

  /** Runs every task; rethrows the first failure after all have finished. */
  public static void run(Executor executor, Runnable[] tasks) {
    int count = tasks.length;
    if (executor == null || count <= 1) {
      for (Runnable task : tasks) {
        task.run();
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(count);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker =
        () -> {
          int i;
          while ((i = next.getAndIncrement()) < count) {
            try {
              tasks[i].run();
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              done.countDown();
            }
          }
        };
    int helpers =
        executor instanceof ForkJoinPool pool
            ? Math.min(count - 1, pool.getParallelism())
            : count - 1;
    for (int h = 0; h < helpers; h++) {
      try {
        executor.execute(worker);
      } catch (RejectedExecutionException e) {
        break; // the calling thread does the rest
      }
    }
    worker.run();
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        // Tasks already claimed by helpers must finish before their results are read.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
  }
}
