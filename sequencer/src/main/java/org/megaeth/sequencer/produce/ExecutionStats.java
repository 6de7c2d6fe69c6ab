package org.megaeth.sequencer.produce;

import org.megaeth.chain.parallel.ParallelMetrics;

/**
 * The mini-blocks' execution metrics ({@link ParallelMetrics}: transactions executed ahead on
 * workers, re-executions after a conflict, busy and wall time) summed since the last read, for the
 * status line: achieved parallelism and conflict rate over a window rather than per mini-block,
 * whose numbers are too small to read. Written by the production thread, read by the status one.
 */
public final class ExecutionStats {
  private int miniBlocks;
  private int transactions;
  private int executedAhead;
  private int reExecutions;
  private long wallNanos;
  private long busyNanos;

  synchronized void record(ParallelMetrics metrics) {
    miniBlocks++;
    transactions += metrics.transactions();
    executedAhead += metrics.executedAhead();
    reExecutions += metrics.reExecutions();
    wallNanos += metrics.wallNanos();
    busyNanos += metrics.busyNanos();
  }

  /** The window so far, summed; then starts a new window. */
  public synchronized Window takeAndReset() {
    Window window =
        new Window(
            miniBlocks,
            new ParallelMetrics(transactions, executedAhead, reExecutions, wallNanos, busyNanos));
    miniBlocks = 0;
    transactions = 0;
    executedAhead = 0;
    reExecutions = 0;
    wallNanos = 0;
    busyNanos = 0;
    return window;
  }

  /** What a window held: its mini-blocks and their metrics, summed. */
  public record Window(int miniBlocks, ParallelMetrics sum) {}
}
