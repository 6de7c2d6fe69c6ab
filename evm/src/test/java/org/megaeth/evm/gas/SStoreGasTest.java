package org.megaeth.evm.gas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.testutil.EvmHarness;

/** The EIP-3529 SSTORE table (EIP-2200 net metering with EIP-2929 and EIP-3529), slot warm. */
class SStoreGasTest {

  @ParameterizedTest(name = "{0} original {3}: gas {1}, refund {2}")
  @CsvSource({
    "0x60006000556000600055, 212, 0, 0",
    "0x60006000556001600055, 20112, 0, 0",
    "0x60016000556000600055, 20112, 19900, 0",
    "0x60016000556002600055, 20112, 0, 0",
    "0x60016000556001600055, 20112, 0, 0",
    "0x60006000556000600055, 3012, 4800, 1",
    "0x60006000556001600055, 3012, 2800, 1",
    "0x60006000556002600055, 3012, 0, 1",
    "0x60026000556000600055, 3012, 4800, 1",
    "0x60026000556003600055, 3012, 0, 1",
    "0x60026000556001600055, 3012, 2800, 1",
    "0x60026000556002600055, 3012, 0, 1",
    "0x60016000556000600055, 3012, 4800, 1",
    "0x60016000556002600055, 3012, 0, 1",
    "0x60016000556001600055, 212, 0, 1",
    "0x600160005560006000556001600055, 40118, 19900, 0",
    "0x600060005560016000556000600055, 5918, 7600, 1",
  })
  void shouldMatchEip3529TableWhenSlotWarm(String code, long gas, long refund, long original) {
    EvmHarness evm = new EvmHarness();
    evm.world.putAccount(
        EvmHarness.CONTRACT,
        1,
        UInt256.ZERO,
        Hex.decodeLenient(code),
        Map.of(UInt256.ZERO, UInt256.valueOf(original)));
    evm.substate.warmSlot(EvmHarness.CONTRACT, UInt256.ZERO);
    MessageResult result = evm.call(100_000);
    assertThat(result.isSuccess()).isTrue();
    assertThat(100_000 - result.gasLeft()).isEqualTo(gas);
    assertThat(evm.substate.refund()).isEqualTo(refund);
  }

  @ParameterizedTest(name = "original {0} current {1} new {2}")
  @CsvSource({
    "0, 0, 0, 100, 0",
    "0, 0, 1, 20000, 0",
    "1, 1, 2, 2900, 0",
    "1, 1, 0, 2900, 4800",
    "1, 0, 1, 100, -2000",
    "1, 2, 1, 100, 2800",
    "0, 1, 0, 100, 19900",
    "1, 0, 2, 100, -4800",
  })
  void shouldPriceAndRefundWhenApplyingNetMetering(
      long original, long current, long value, long cost, long refund) {
    UInt256 o = UInt256.valueOf(original);
    UInt256 c = UInt256.valueOf(current);
    UInt256 v = UInt256.valueOf(value);
    assertThat(SStoreGas.cost(o, c, v)).isEqualTo(cost);
    assertThat(SStoreGas.refund(o, c, v)).isEqualTo(refund);
  }

  @org.junit.jupiter.api.Test
  void shouldFailWhenGasAtOrBelowStipend() {
    EvmHarness evm = new EvmHarness().code("0x6001600055");
    assertThat(evm.call(2306).haltReason()).isPresent(); // 2300 left at SSTORE: EIP-2200 sentry
    assertThat(new EvmHarness().code("0x6001600055").call(30_000).isSuccess()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void shouldChargeColdSlotWhenNotWarm() {
    EvmHarness evm = new EvmHarness().code("0x6001600055");
    assertThat(evm.gasUsed(100_000)).isEqualTo(6 + 20_000 + Gas.COLD_SLOAD);
  }
}
