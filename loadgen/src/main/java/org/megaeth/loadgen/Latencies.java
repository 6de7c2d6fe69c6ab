package org.megaeth.loadgen;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies by the nearest-rank method: the p-th percentile of n sorted
 * values is the value at rank {@code ceil(p / 100 * n)} (1-based), so it is always one of the
 * measured values, p100 is the maximum, and a p99 over fewer than 100 values is the maximum.
 *
 * @param count how many latencies were measured
 * @param p50Nanos the median
 * @param p99Nanos the 99th percentile
 * @param maxNanos the largest
 */
public record Latencies(int count, long p50Nanos, long p99Nanos, long maxNanos) {
  public static final Latencies NONE = new Latencies(0, 0, 0, 0);

  /** The summary of {@code nanos} (which it sorts in place); {@link #NONE} when empty. */
  public static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      return NONE;
    }
    Arrays.sort(nanos);
    return new Latencies(
        nanos.length, percentile(nanos, 50), percentile(nanos, 99), nanos[nanos.length - 1]);
  }

  /**
   * The nearest-rank {@code p}-th percentile of {@code sorted} (ascending, not empty).
   *
   * @throws IllegalArgumentException when {@code p} is outside (0, 100] or there are no values
   */
  public static long percentile(long[] sorted, double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("a percentile is in (0, 100], got " + p);
    }
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    // The small epsilon keeps e.g. 0.29 * 100 = 28.999999999999996 from becoming rank 29 + 1.
    long rank = (long) Math.ceil(p / 100.0 * sorted.length - 1e-9);
    return sorted[(int) Math.max(1, Math.min(sorted.length, rank)) - 1];
  }

  public double p50Millis() {
    return p50Nanos / 1e6;
  }

  public double p99Millis() {
    return p99Nanos / 1e6;
  }

  public double maxMillis() {
    return maxNanos / 1e6;
  }
}
