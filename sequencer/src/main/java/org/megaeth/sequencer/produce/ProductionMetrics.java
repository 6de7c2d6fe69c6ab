package org.megaeth.sequencer.produce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.megaeth.chain.parallel.ParallelMetrics;

/**
 * The meters of block production (see docs/metrics.md): mini-blocks and blocks made, the interval
 * achieved between mini-blocks, their sizes, and how their parallel execution went. Registered once
 * at construction, so recording is a few atomic adds on the production thread: no tag lookup, no
 * allocation per mini-block.
 *
 * <p>Per-mini-block distributions (interval, size, parallelism, conflict ratio) publish p50 and p99
 * over a sliding window; the counters beside them give exact ratios over any range in PromQL, e.g.
 * {@code rate(megaeth_execution_busy_seconds_total[1m]) /
 * rate(megaeth_execution_wall_seconds_total[1m])} for the achieved parallelism.
 */
public final class ProductionMetrics {
  private static final double[] QUANTILES = {0.5, 0.99};

  private final Counter miniBlocks;
  private final Counter blocks;
  private final Timer miniBlockInterval;
  private final DistributionSummary miniBlockTransactions;
  private final Counter executedAhead;
  private final Counter reExecutions;
  private final Counter wallSeconds;
  private final Counter busySeconds;
  private final DistributionSummary parallelism;
  private final DistributionSummary conflictRatio;

  public ProductionMetrics(MeterRegistry registry) {
    miniBlocks =
        Counter.builder("megaeth.sequencer.mini.blocks")
            .description("Mini-blocks produced (replayed ones excluded)")
            .register(registry);
    blocks =
        Counter.builder("megaeth.sequencer.blocks")
            .description("EVM blocks sealed (replayed ones excluded)")
            .register(registry);
    miniBlockInterval =
        Timer.builder("megaeth.sequencer.mini.block.interval")
            .description("Time between consecutive mini-blocks while transactions were ready")
            .publishPercentiles(QUANTILES)
            .register(registry);
    miniBlockTransactions =
        DistributionSummary.builder("megaeth.sequencer.mini.block.transactions")
            .description("Transactions included per mini-block")
            .publishPercentiles(QUANTILES)
            .register(registry);
    executedAhead =
        Counter.builder("megaeth.execution.executed.ahead")
            .description("Transactions executed on a worker ahead of their turn")
            .register(registry);
    reExecutions =
        Counter.builder("megaeth.execution.reexecutions")
            .description("Transactions executed ahead that had to run again at their turn")
            .register(registry);
    wallSeconds =
        Counter.builder("megaeth.execution.wall")
            .baseUnit("seconds")
            .description("Wall-clock time spent executing mini-blocks")
            .register(registry);
    busySeconds =
        Counter.builder("megaeth.execution.busy")
            .baseUnit("seconds")
            .description("Time spent executing and committing, summed over the threads")
            .register(registry);
    parallelism =
        DistributionSummary.builder("megaeth.execution.parallelism")
            .description("Achieved parallelism per mini-block: busy time over wall time")
            .publishPercentiles(QUANTILES)
            .percentilePrecision(2) // ratios: the default single significant digit is too coarse
            .register(registry);
    conflictRatio =
        DistributionSummary.builder("megaeth.execution.conflict.ratio")
            .description("Per mini-block with work executed ahead: the share of it that ran again")
            .publishPercentiles(QUANTILES)
            .percentilePrecision(2) // ratios: the default single significant digit is too coarse
            .register(registry);
  }

  /**
   * One mini-block out.
   *
   * @param transactions the transactions it included
   * @param execution how its execution went
   */
  void miniBlock(int transactions, ParallelMetrics execution) {
    miniBlocks.increment();
    miniBlockTransactions.record(transactions);
    executedAhead.increment(execution.executedAhead());
    reExecutions.increment(execution.reExecutions());
    wallSeconds.increment(execution.wallNanos() / 1e9);
    busySeconds.increment(execution.busyNanos() / 1e9);
    parallelism.record(execution.parallelism());
    if (execution.executedAhead() > 0) {
      // A serial mini-block has no conflicts to speak of; zeros would only dilute the quantiles.
      conflictRatio.record(execution.conflictRate());
    }
  }

  /** The time since the previous mini-block, when both had transactions. */
  void miniBlockInterval(long nanos) {
    miniBlockInterval.record(nanos, TimeUnit.NANOSECONDS);
  }

  void blockSealed() {
    blocks.increment();
  }
}
