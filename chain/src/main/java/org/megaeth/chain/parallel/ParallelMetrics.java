package org.megaeth.chain.parallel;

/**
 * How one mini-block's execution went, for the sequencer to export.
 *
 * @param transactions candidates that reached execution (the statelessly invalid ones excluded)
 * @param executedAhead transactions executed on a worker ahead of their turn whose result was
 *     checked at their turn (the others the committing thread executed itself, in order)
 * @param reExecutions of those, the ones executed again at their turn because a value they read had
 *     changed (or they needed what a worker cannot give)
 * @param wallNanos wall-clock time of the mini-block's execution
 * @param busyNanos time spent executing and committing, summed over the threads (the committing
 *     thread's waits for workers excluded)
 */
public record ParallelMetrics(
    int transactions, int executedAhead, int reExecutions, long wallNanos, long busyNanos) {

  /** For a mini-block executed on the committing thread alone. */
  public static ParallelMetrics serial(int transactions, long wallNanos) {
    return new ParallelMetrics(transactions, 0, 0, wallNanos, wallNanos);
  }

  /** The share of transactions executed ahead of their turn that had to be executed again. */
  public double conflictRate() {
    return executedAhead == 0 ? 0 : (double) reExecutions / executedAhead;
  }

  /** Achieved parallelism: busy time over wall time (1 for serial execution). */
  public double parallelism() {
    return wallNanos == 0 ? 1 : (double) busyNanos / wallNanos;
  }
}
