package org.megaeth.sequencer.produce;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.megaeth.chain.parallel.ParallelMetrics;

class ProductionMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProductionMetrics metrics = new ProductionMetrics(registry);

  @Test
  void shouldRecordEachMiniBlocksSizeAndParallelExecution() {
    // 10 transactions, 8 executed ahead of which 2 ran again; 4 ms of wall time, 10 ms busy.
    metrics.miniBlock(10, new ParallelMetrics(10, 8, 2, 4_000_000, 10_000_000));
    metrics.miniBlock(30, new ParallelMetrics(30, 20, 0, 6_000_000, 12_000_000));

    assertThat(counter("megaeth.sequencer.mini.blocks")).isEqualTo(2);
    assertThat(registry.get("megaeth.sequencer.mini.block.transactions").summary().totalAmount())
        .isEqualTo(40);
    assertThat(counter("megaeth.execution.executed.ahead")).isEqualTo(28);
    assertThat(counter("megaeth.execution.reexecutions")).isEqualTo(2);
    assertThat(counter("megaeth.execution.wall")).isEqualTo(0.010, within());
    assertThat(counter("megaeth.execution.busy")).isEqualTo(0.022, within());
    var parallelism = registry.get("megaeth.execution.parallelism").summary();
    assertThat(parallelism.count()).isEqualTo(2);
    assertThat(parallelism.totalAmount()).isEqualTo(2.5 + 2.0, within());
    var conflicts = registry.get("megaeth.execution.conflict.ratio").summary();
    assertThat(conflicts.totalAmount()).isEqualTo(0.25, within());
  }

  @Test
  void shouldLeaveSerialMiniBlocksOutOfTheConflictRatio() {
    metrics.miniBlock(5, ParallelMetrics.serial(5, 1_000_000));

    assertThat(registry.get("megaeth.execution.conflict.ratio").summary().count()).isZero();
    assertThat(registry.get("megaeth.execution.parallelism").summary().totalAmount())
        .isEqualTo(1.0);
  }

  @Test
  void shouldTimeIntervalsAndCountSealedBlocks() {
    metrics.miniBlockInterval(10_000_000);
    metrics.miniBlockInterval(12_000_000);
    metrics.blockSealed();

    var interval = registry.get("megaeth.sequencer.mini.block.interval").timer();
    assertThat(interval.count()).isEqualTo(2);
    assertThat(interval.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(22, within());
    assertThat(counter("megaeth.sequencer.blocks")).isEqualTo(1);
  }

  private double counter(String name) {
    return registry.get(name).counter().count();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
