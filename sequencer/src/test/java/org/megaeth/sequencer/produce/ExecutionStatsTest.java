package org.megaeth.sequencer.produce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.chain.parallel.ParallelMetrics;

class ExecutionStatsTest {
  @Test
  void shouldSumAWindowIntoParallelismAndConflictRateThenStartAgain() {
    ExecutionStats stats = new ExecutionStats();
    stats.record(new ParallelMetrics(100, 80, 8, 1_000, 1_800));
    stats.record(new ParallelMetrics(50, 20, 2, 1_000, 1_200));

    ExecutionStats.Window window = stats.takeAndReset();

    assertThat(window.miniBlocks()).isEqualTo(2);
    assertThat(window.sum().transactions()).isEqualTo(150);
    assertThat(window.sum().conflictRate()).isEqualTo(0.1); // 10 of 100 executed ahead
    assertThat(window.sum().parallelism()).isEqualTo(1.5); // 3,000 busy over 2,000 wall
    ExecutionStats.Window next = stats.takeAndReset();
    assertThat(next.miniBlocks()).isZero();
    assertThat(next.sum().parallelism()).isEqualTo(1.0);
  }
}
