package org.megaeth.sequencer.produce;

/**
 * How many transactions the next mini-block may take so that running them fits the mini-block
 * interval: the interval divided by the recent execution time per transaction (an exponential
 * moving average), within {@code [MIN_TRANSACTIONS, cap]}.
 *
 * <p>Without it a backlog turns into one huge mini-block: after a burst of 10,000 transactions the
 * next mini-block ran for most of a second, so no transaction got its preconfirmation within the
 * interval and the block timer slipped. With it a backlog drains as back-to-back mini-blocks of
 * about one interval each. The average adapts to the workload (a transfer costs a tenth of a swap)
 * and to how busy the machine is.
 */
final class MiniBlockBudget {
  /** Even when every transaction is slow, some must go out, or a backlog never drains. */
  static final int MIN_TRANSACTIONS = 8;

  /** Weight of the newest mini-block in the average: adapts within about ten mini-blocks. */
  private static final double WEIGHT = 0.2;

  /** A first guess before anything ran: a simple transfer with its overheads. */
  private static final double INITIAL_NANOS_PER_TRANSACTION = 50_000;

  private final long budgetNanos;
  private final int cap;
  private double nanosPerTransaction = INITIAL_NANOS_PER_TRANSACTION;

  /**
   * @param budgetNanos the time one mini-block's execution should take: the interval
   * @param cap the most transactions a mini-block takes whatever the estimate
   */
  MiniBlockBudget(long budgetNanos, int cap) {
    if (budgetNanos <= 0 || cap < 1) {
      throw new IllegalArgumentException("budget and cap must be positive");
    }
    this.budgetNanos = budgetNanos;
    this.cap = cap;
  }

  /** How many transactions the next mini-block may take. */
  int limit() {
    double fits = budgetNanos / nanosPerTransaction;
    return (int) Math.max(Math.min(MIN_TRANSACTIONS, cap), Math.min(cap, fits));
  }

  /** Records that {@code transactions} (at least one) took {@code nanos} to run. */
  void record(int transactions, long nanos) {
    if (transactions <= 0) {
      return;
    }
    double observed = (double) Math.max(1, nanos) / transactions;
    nanosPerTransaction = (1 - WEIGHT) * nanosPerTransaction + WEIGHT * observed;
  }

  /** The current estimate of one transaction's execution time. */
  double nanosPerTransaction() {
    return nanosPerTransaction;
  }
}
