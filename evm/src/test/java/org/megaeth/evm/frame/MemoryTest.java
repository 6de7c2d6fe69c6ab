package org.megaeth.evm.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.evm.gas.Gas;

class MemoryTest {
  @Test
  void shouldChargeQuadraticCostWhenGrowing() {
    Memory memory = new Memory();
    assertThat(memory.expansionCost(0, 32)).isEqualTo(3);
    memory.ensure(0, 32);
    assertThat(memory.size()).isEqualTo(32);
    assertThat(memory.expansionCost(0, 32)).isZero();
    // 1024 words: 3 * 1024 + 1024^2 / 512 = 5120, minus the word already paid.
    assertThat(memory.expansionCost(0, 32 * 1024)).isEqualTo(5120 - 3);
    assertThat(Gas.memoryCost(1024)).isEqualTo(5120);
  }

  @Test
  void shouldCostNothingWhenLengthZero() {
    assertThat(new Memory().expansionCost(Long.MAX_VALUE, 0)).isZero();
  }

  @Test
  void shouldSaturateWhenOutOfRange() {
    Memory memory = new Memory();
    assertThat(memory.expansionCost(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(memory.expansionCost(0, Memory.MAX_SIZE + 1)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void shouldZeroPadWhenCopyingPastSource() {
    Memory memory = new Memory();
    memory.ensure(0, 64);
    memory.setPadded(0, 4, new byte[] {1, 2}, 1);
    assertThat(memory.slice(0, 4)).containsExactly(2, 0, 0, 0);
    memory.copyWithin(1, 0, 3);
    assertThat(memory.slice(0, 4)).containsExactly(2, 2, 0, 0);
  }
}
