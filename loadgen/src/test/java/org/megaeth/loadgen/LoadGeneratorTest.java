package org.megaeth.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
  private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

  @Test
  void shouldSampleEvenlyIncludingTheFirstAndTheLast() {
    assertThat(LoadGenerator.spread(HUNDRED, 5)).containsExactly(0, 24, 49, 74, 99);
  }

  @Test
  void shouldSampleEverythingWhenThereIsLessThanTheSample() {
    assertThat(LoadGenerator.spread(HUNDRED, 200)).isEqualTo(HUNDRED);
  }

  @Test
  void shouldSampleTheLastOneAloneAndNothingWhenAskedForNone() {
    assertThat(LoadGenerator.spread(HUNDRED, 1)).containsExactly(99);
    assertThat(LoadGenerator.spread(HUNDRED, 0)).isEmpty();
  }
}
