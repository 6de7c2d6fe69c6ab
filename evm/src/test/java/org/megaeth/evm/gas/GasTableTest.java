package org.megaeth.evm.gas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.fork.Fork;

class GasTableTest {
  @org.junit.jupiter.api.Test
  void shouldRefuseSpecWhenForkNotImplemented() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> org.megaeth.evm.EvmSpec.of(Fork.LONDON))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.megaeth.evm.EvmSpec.of(Fork.OSAKA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(org.megaeth.evm.EvmSpec.of(Fork.PRAGUE).fork()).isEqualTo(Fork.PRAGUE);
  }

  @ParameterizedTest(name = "{0} 0x{1} = {2}")
  @CsvSource({
    "SHANGHAI, 5f, 2", // EIP-3855 PUSH0
    "PARIS, 5f, -1",
    "CANCUN, 5c, 100", // EIP-1153 TLOAD
    "SHANGHAI, 5c, -1",
    "CANCUN, 5e, 3", // EIP-5656 MCOPY
    "CANCUN, 49, 3", // EIP-4844 BLOBHASH
    "CANCUN, 4a, 2", // EIP-7516 BLOBBASEFEE
    "CANCUN, 54, 100", // EIP-2929 warm SLOAD
    "ISTANBUL, 54, 800", // EIP-1884
    "TANGERINE_WHISTLE, 54, 200", // EIP-150
    "FRONTIER, 54, 50",
    "CANCUN, f1, 100",
    "CANCUN, ff, 5000",
    "CANCUN, fe, -1",
    "CANCUN, 0c, -1",
    "CANCUN, a4, 1875",
    "BYZANTIUM, fa, 700",
    "HOMESTEAD, fa, -1",
    "PRAGUE, 5c, 100",
  })
  void shouldApplyForkDeltasInOrder(Fork fork, String opcode, long gas) {
    assertThat(GasTable.of(fork)[Integer.parseInt(opcode, 16)]).isEqualTo(gas);
  }
}
