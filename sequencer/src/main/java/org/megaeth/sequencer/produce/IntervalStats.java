package org.megaeth.sequencer.produce;

import java.util.Arrays;

/**
 * The last {@value #KEPT} intervals between consecutive mini-blocks, for p50/p99 in the periodic
 * status line and the benchmark. Recording is one array store; reading sorts a copy.
 */
public final class IntervalStats {
  static final int KEPT = 8192;

  private final long[] nanos = new long[KEPT];
  private long count;

  public synchronized void record(long intervalNanos) {
    nanos[(int) (count++ % KEPT)] = intervalNanos;
  }

  /** How many intervals were recorded in all. */
  public synchronized long count() {
    return count;
  }

  /** The {@code p}-th percentile (0-100) of the kept intervals, in nanoseconds; 0 when none. */
  public synchronized long percentile(double p) {
    int n = (int) Math.min(count, KEPT);
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, index))];
  }

  /** Forgets what was recorded. */
  public synchronized void reset() {
    count = 0;
  }
}
