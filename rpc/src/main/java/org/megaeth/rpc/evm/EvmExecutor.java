package org.megaeth.rpc.evm;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * The bounded executor of EVM work ({@code eth_call}, {@code eth_estimateGas}, {@code
 * eth_createAccessList}): a fixed number of threads and a bounded queue, so a flood of calls can
 * neither starve the node nor grow without limit (reth's blocking-task pool). A full queue is
 * refused at once with {@code -32005}. Each task gets a deadline, which its tracer enforces.
 */
public final class EvmExecutor implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final Duration timeout;

  /** Work that runs the EVM until {@code deadlineNanos} (a {@link System#nanoTime} value). */
  @FunctionalInterface
  public interface Task<T> {
    T run(long deadlineNanos) throws JsonRpcException;
  }

  public EvmExecutor(int threads, int queue, Duration timeout) {
    this.timeout = timeout;
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queue),
            Thread.ofPlatform().name("rpc-evm-", 0).daemon(true).factory());
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Runs {@code task} on the pool and waits for it; the waiting thread is a request thread (a
   * virtual thread), never an event loop.
   */
  public <T> T run(Task<T> task) throws JsonRpcException {
    Future<T> future;
    try {
      future = pool.submit(() -> task.run(System.nanoTime() + timeout.toNanos()));
    } catch (RejectedExecutionException e) {
      throw JsonRpcException.of(
          JsonRpcError.LIMIT_EXCEEDED, "too many EVM calls in progress; try again later");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw JsonRpcException.server("request interrupted: the server is stopping");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof JsonRpcException rpc) {
        throw rpc;
      }
      if (cause instanceof CallTimeoutException) {
        throw JsonRpcException.server("execution aborted (timeout = " + goDuration(timeout) + ")");
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** A duration as geth prints one: {@code 5s}, {@code 1.5s}, {@code 250ms}. */
  static String goDuration(Duration d) {
    long millis = d.toMillis();
    if (millis >= 1000) {
      return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0))
          + "s";
    }
    return millis > 0 ? millis + "ms" : d.toNanos() + "ns";
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
