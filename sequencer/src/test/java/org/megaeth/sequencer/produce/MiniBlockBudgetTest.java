package org.megaeth.sequencer.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MiniBlockBudgetTest {
  private static final long TEN_MS = 10_000_000;

  @Test
  void shouldFitTheIntervalOnceItKnowsTheCostPerTransaction() {
    MiniBlockBudget budget = new MiniBlockBudget(TEN_MS, 2_000);
    for (int i = 0; i < 50; i++) {
      budget.record(100, 100 * 20_000L); // 20 µs each
    }
    // 10 ms / 20 µs = 500 transactions.
    assertThat(budget.limit()).isBetween(495, 505);
  }

  @Test
  void shouldShrinkWhenTransactionsGetSlowerAndGrowBackWhenTheyGetFaster() {
    MiniBlockBudget budget = new MiniBlockBudget(TEN_MS, 2_000);
    for (int i = 0; i < 50; i++) {
      budget.record(100, 100 * 10_000L);
    }
    int fast = budget.limit();
    for (int i = 0; i < 50; i++) {
      budget.record(100, 100 * 200_000L); // swaps on a busy machine
    }
    int slow = budget.limit();
    for (int i = 0; i < 50; i++) {
      budget.record(100, 100 * 10_000L);
    }
    assertThat(slow).isLessThan(fast / 10);
    assertThat(budget.limit()).isEqualTo(fast);
  }

  @Test
  void shouldStayWithinTheCapAndTheMinimum() {
    MiniBlockBudget budget = new MiniBlockBudget(TEN_MS, 300);
    for (int i = 0; i < 50; i++) {
      budget.record(10, 10L); // absurdly fast
    }
    assertThat(budget.limit()).isEqualTo(300);
    for (int i = 0; i < 100; i++) {
      budget.record(1, 1_000_000_000L); // a second each
    }
    assertThat(budget.limit()).isEqualTo(MiniBlockBudget.MIN_TRANSACTIONS);
    assertThat(new MiniBlockBudget(TEN_MS, 3).limit()).isEqualTo(3);
  }

  @Test
  void shouldIgnoreEmptyMiniBlocksAndRefuseNonsense() {
    MiniBlockBudget budget = new MiniBlockBudget(TEN_MS, 2_000);
    int before = budget.limit();
    budget.record(0, 5_000_000_000L);
    assertThat(budget.limit()).isEqualTo(before);
    assertThatThrownBy(() -> new MiniBlockBudget(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MiniBlockBudget(TEN_MS, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
