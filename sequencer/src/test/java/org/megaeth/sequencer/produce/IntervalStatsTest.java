package org.megaeth.sequencer.produce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntervalStatsTest {
  @Test
  void shouldGiveEachReaderTheIntervalsSinceItsOwnMark() {
    // The status line and the benchmark read the same intervals at different times: neither may
    // hide intervals from the other (the status line used to clear them after each line).
    IntervalStats stats = new IntervalStats();
    long benchmarkMark = stats.count();
    for (int ms = 1; ms <= 100; ms++) {
      stats.record(ms * 1_000_000L);
    }
    IntervalStats.Window status = stats.since(0);
    for (int ms = 101; ms <= 200; ms++) {
      stats.record(ms * 1_000_000L);
    }

    IntervalStats.Window benchmark = stats.since(benchmarkMark);
    IntervalStats.Window nextStatus = stats.since(status.to());

    assertThat(status.count()).isEqualTo(100);
    assertThat(status.p50()).isEqualTo(50_000_000L);
    assertThat(status.p99()).isEqualTo(99_000_000L);
    assertThat(benchmark.count()).isEqualTo(200);
    assertThat(benchmark.p50()).isEqualTo(100_000_000L);
    assertThat(benchmark.max()).isEqualTo(200_000_000L);
    assertThat(nextStatus.count()).isEqualTo(100);
    assertThat(nextStatus.p50()).isEqualTo(150_000_000L);
  }

  @Test
  void shouldKeepTheNewestIntervalsOfALongWindow() {
    IntervalStats stats = new IntervalStats();
    for (int i = 0; i < IntervalStats.KEPT; i++) {
      stats.record(1_000_000_000L); // old, slow intervals that fall out
    }
    for (int i = 0; i < IntervalStats.KEPT; i++) {
      stats.record(10_000_000L);
    }

    IntervalStats.Window window = stats.since(0);

    assertThat(window.count()).isEqualTo(2L * IntervalStats.KEPT);
    assertThat(window.kept()).isEqualTo(IntervalStats.KEPT);
    assertThat(window.max()).isEqualTo(10_000_000L);
  }

  @Test
  void shouldReportZeroWhenNothingWasRecorded() {
    IntervalStats stats = new IntervalStats();
    stats.record(5);

    IntervalStats.Window window = stats.since(stats.count());

    assertThat(window.count()).isZero();
    assertThat(window.p50()).isZero();
    assertThat(window.p99()).isZero();
  }
}
