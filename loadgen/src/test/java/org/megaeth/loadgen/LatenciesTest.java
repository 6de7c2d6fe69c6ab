package org.megaeth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void shouldTakeTheNearestRankOfOneToAHundred() {
    long[] values = LongStream.rangeClosed(1, 100).map(v -> 101 - v).toArray(); // unsorted
    Latencies latencies = Latencies.of(values);
    assertThat(latencies.count()).isEqualTo(100);
    assertThat(latencies.p50Nanos()).isEqualTo(50);
    assertThat(latencies.p99Nanos()).isEqualTo(99);
    assertThat(latencies.maxNanos()).isEqualTo(100);
  }

  @Test
  void shouldGiveTheMaximumAsP99WhenThereAreFewerThanAHundredValues() {
    Latencies latencies = Latencies.of(new long[] {5, 1, 9, 3, 7, 2, 8, 4, 6, 10});
    assertThat(latencies.p50Nanos()).isEqualTo(5);
    assertThat(latencies.p99Nanos()).isEqualTo(10);
    assertThat(latencies.maxNanos()).isEqualTo(10);
  }

  @Test
  void shouldRoundTheRankUpWhenItFallsBetweenValues() {
    long[] sorted = {10, 20, 30};
    assertThat(Latencies.percentile(sorted, 50)).isEqualTo(20); // rank ceil(1.5) = 2
    assertThat(Latencies.percentile(sorted, 34)).isEqualTo(20); // rank ceil(1.02) = 2
    assertThat(Latencies.percentile(sorted, 33)).isEqualTo(10); // rank ceil(0.99) = 1
    assertThat(Latencies.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
  }

  @Test
  void shouldNotLetFloatingPointErrorRaiseTheRank() {
    long[] hundred = LongStream.rangeClosed(1, 100).toArray();
    // 0.29 * 100 is 28.999999999999996 in binary floating point: the rank is still 29.
    assertThat(Latencies.percentile(hundred, 29)).isEqualTo(29);
    assertThat(Latencies.percentile(hundred, 57)).isEqualTo(57);
  }

  @Test
  void shouldSummarizeNothingAsZeros() {
    assertThat(Latencies.of(new long[0])).isEqualTo(Latencies.NONE);
  }

  @Test
  void shouldRejectPercentilesOutsideZeroToAHundred() {
    long[] one = {1};
    assertThatThrownBy(() -> Latencies.percentile(one, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.percentile(one, 100.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Latencies.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void shouldReturnAValueWithAtLeastPPercentAtOrBelowIt(
      @ForAll @Size(min = 1, max = 300) long[] values,
      @ForAll @DoubleRange(min = 0.01, max = 100) double p) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    long q = Latencies.percentile(sorted, p);
    long atOrBelow = LongStream.of(sorted).filter(v -> v <= q).count();
    long below = LongStream.of(sorted).filter(v -> v < q).count();
    // The definition of the nearest rank: the smallest value with at least p% at or below it.
    assertThat(atOrBelow * 100.0).isGreaterThanOrEqualTo(p * sorted.length - 1e-6);
    assertThat(below * 100.0).isLessThan(p * sorted.length + 1e-6);
  }

  @Property
  void shouldReportTheLargestValueAsMax(
      @ForAll @Size(min = 1, max = 100) long @LongRange(min = 0, max = 1_000_000_000) [] values) {
    long max = LongStream.of(values).max().orElseThrow();
    assertThat(Latencies.of(values.clone()).maxNanos()).isEqualTo(max);
  }
}
