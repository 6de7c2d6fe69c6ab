package org.megaeth.rpc.dispatch;

/**
 * Runs an action once a call's deadline has passed, for calls that no thread waits on (see {@link
 * JsonRpcProcessor#startWithoutBlocking}). Scheduling and cancelling must be cheap and must not
 * wake another thread: one of each happens per transaction sent. A timing wheel (Netty's {@code
 * HashedWheelTimer}) does that; the JDK's scheduled executors and {@code CompletableFuture}'s
 * timeouts each cost microseconds per call (see {@link AsyncJsonRpcMethod}).
 */
public interface CallDeadlines {

  /**
   * Runs {@code action} at {@code deadlineNanos} ({@link System#nanoTime}) or a little after (the
   * timer's resolution), on the timer's thread, unless cancelled first.
   */
  Scheduled at(long deadlineNanos, Runnable action);

  /** A scheduled action. */
  interface Scheduled {
    /** Drops the action if it has not run yet; harmless after it ran. */
    void cancel();
  }
}
