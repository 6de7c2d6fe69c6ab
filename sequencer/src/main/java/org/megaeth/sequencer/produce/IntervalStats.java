package org.megaeth.sequencer.produce;

import java.util.Arrays;

/**
 * The last {@value #KEPT} intervals between consecutive mini-blocks, for p50/p99 in the periodic
 * status line and the benchmark. Recording is one array store; reading sorts a copy.
 *
 * <p>Each reader asks for the intervals recorded since its own mark ({@link #since}), so that one
 * reader never hides intervals from another: the status line, which used to clear the intervals
 * after each line, left the benchmark only those recorded since the last status line.
 */
public final class IntervalStats {
  static final int KEPT = 8192;

  private final long[] nanos = new long[KEPT];
  private long count;

  /**
   * The intervals recorded from mark {@code from} (a {@link #count()} taken earlier) up to mark
   * {@code to}: their percentiles, in nanoseconds (0 when there is none). Only the newest {@value
   * #KEPT} are kept, so a window over more holds the newest {@value #KEPT}.
   */
  public record Window(long from, long to, int kept, long p50, long p99, long max) {
    /** How many intervals were recorded in the window, kept or not. */
    public long count() {
      return to - from;
    }
  }

  public synchronized void record(long intervalNanos) {
    nanos[(int) (count++ % KEPT)] = intervalNanos;
  }

  /** How many intervals were recorded in all: a mark for {@link #since}. */
  public synchronized long count() {
    return count;
  }

  /** The intervals recorded since mark {@code from}. */
  public synchronized Window since(long from) {
    long start = Math.max(Math.max(0, from), count - KEPT);
    int n = (int) Math.max(0, count - start);
    long[] sorted = new long[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = nanos[(int) ((start + i) % KEPT)];
    }
    Arrays.sort(sorted);
    return new Window(
        Math.max(0, Math.min(from, count)),
        count,
        n,
        percentile(sorted, 50),
        percentile(sorted, 99),
        percentile(sorted, 100));
  }

  /** The {@code p}-th percentile (0-100) of sorted values by the nearest rank; 0 when none. */
  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
