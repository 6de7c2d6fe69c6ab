package org.megaeth.rpc.server;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.util.concurrent.TimeUnit;
import org.megaeth.rpc.dispatch.CallDeadlines;

/**
 * Call deadlines on a timing wheel: scheduling and cancelling are a lock-free queue each and wake
 * no thread; the wheel's own thread ticks every {@link #TICK_MILLIS} and runs what is due, so a
 * deadline fires up to one tick late. One per server; closing it drops what is scheduled.
 */
final class WheelDeadlines implements CallDeadlines, AutoCloseable {
  static final long TICK_MILLIS = 10;

  private final HashedWheelTimer timer =
      new HashedWheelTimer(
          Thread.ofPlatform().name("rpc-deadlines").daemon(true).factory(),
          TICK_MILLIS,
          TimeUnit.MILLISECONDS,
          512);

  @Override
  public Scheduled at(long deadlineNanos, Runnable action) {
    Timeout timeout =
        timer.newTimeout(
            ignored -> action.run(),
            Math.max(0, deadlineNanos - System.nanoTime()),
            TimeUnit.NANOSECONDS);
    return timeout::cancel;
  }

  @Override
  public void close() {
    timer.stop();
  }
}
