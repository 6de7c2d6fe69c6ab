package org.megaeth.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkScheduleTest {
  @Test
  void shouldActivateForksByBlockThenByTimestamp() {
    // The shape of the execution-apis test chain: London at block 27, Cancun at time 420.
    ForkSchedule schedule =
        new ForkSchedule(
            Map.of(Fork.HOMESTEAD, 0L, Fork.BERLIN, 0L, Fork.LONDON, 27L, Fork.PARIS, 36L),
            Map.of(Fork.SHANGHAI, 390L, Fork.CANCUN, 420L, Fork.PRAGUE, 450L));
    assertThat(schedule.forkAt(0, 0)).isEqualTo(Fork.BERLIN);
    assertThat(schedule.forkAt(27, 270)).isEqualTo(Fork.LONDON);
    assertThat(schedule.forkAt(40, 389)).isEqualTo(Fork.PARIS);
    assertThat(schedule.forkAt(41, 420)).isEqualTo(Fork.CANCUN);
    assertThat(schedule.forkAt(50, 10_000)).isEqualTo(Fork.PRAGUE);
  }

  @Test
  void shouldActivateEveryForkUpToTheLastFromGenesis() {
    ForkSchedule schedule = ForkSchedule.allFromGenesis(Fork.CANCUN);
    assertThat(schedule.forkAt(0, 0)).isEqualTo(Fork.CANCUN);
    assertThat(schedule.activationTimestamp(Fork.PRAGUE)).isEmpty();
    assertThat(ForkSchedule.allFromGenesis(Fork.LONDON).forkAt(5, 5)).isEqualTo(Fork.LONDON);
  }

  @Test
  void shouldRejectForksOutOfOrderOrOnTheWrongClock() {
    assertThatThrownBy(() -> new ForkSchedule(Map.of(Fork.CANCUN, 5L), Map.of()))
        .hasMessageContaining("by timestamp");
    assertThatThrownBy(
            () -> new ForkSchedule(Map.of(), Map.of(Fork.SHANGHAI, 100L, Fork.CANCUN, 50L)))
        .hasMessageContaining("before the earlier fork SHANGHAI");
  }

  @Test
  void shouldMapFixtureForkNames() {
    assertThat(Fork.fromTestName("EIP150")).contains(Fork.TANGERINE_WHISTLE);
    assertThat(Fork.fromTestName("Merge")).contains(Fork.PARIS);
    assertThat(Fork.fromTestName("Cancun")).contains(Fork.CANCUN);
    assertThat(Fork.CANCUN.isAtLeast(Fork.SHANGHAI)).isTrue();
    assertThat(Fork.SHANGHAI.isAtLeast(Fork.CANCUN)).isFalse();
  }
}
