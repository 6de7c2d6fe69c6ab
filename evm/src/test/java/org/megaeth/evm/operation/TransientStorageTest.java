package org.megaeth.evm.operation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.testutil.EvmHarness;
import org.megaeth.evm.testutil.StepTracer;

/** EIP-1153 TLOAD/TSTORE. */
class TransientStorageTest {
  private static final Address CHILD =
      Address.fromHex("0x00000000000000000000000000000000000c0de1");

  @Test
  void shouldReadBackWhenStoredInSameTransaction() {
    // TSTORE(0, 42); SSTORE(0, TLOAD(0))
    EvmHarness evm = new EvmHarness().code("0x602a5f5d5f5c5f55");
    StepTracer tracer = new StepTracer();
    evm.tracer = tracer;
    assertThat(evm.call(100_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.valueOf(42));
    assertThat(tracer.costOf(TStoreOperation.OPCODE)).isEqualTo(100);
    assertThat(tracer.costOf(TLoadOperation.OPCODE)).isEqualTo(100);
    assertThat(evm.world.getStorage(EvmHarness.CONTRACT, UInt256.ZERO))
        .isEqualTo(UInt256.valueOf(42));
  }

  @Test
  void shouldClearWhenTransactionCommits() {
    EvmHarness evm = new EvmHarness().code("0x602a5f5d00");
    evm.call(100_000);
    assertThat(evm.world.getTransientStorage(EvmHarness.CONTRACT, UInt256.ZERO))
        .isEqualTo(UInt256.valueOf(42));
    evm.world.commitTransaction();
    assertThat(evm.world.getTransientStorage(EvmHarness.CONTRACT, UInt256.ZERO))
        .isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldUndoWhenCallReverts() {
    // child: TSTORE(0, 1); REVERT(0, 0). parent: CALL child; SSTORE(0, success).
    EvmHarness evm =
        new EvmHarness().code(CHILD, "0x60015f5d5f5ffd").code(callProgram("f1", CHILD));
    assertThat(evm.call(200_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ZERO);
    assertThat(evm.world.getTransientStorage(CHILD, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldKeepWhenCallSucceeds() {
    EvmHarness evm = new EvmHarness().code(CHILD, "0x60015f5d00").code(callProgram("f1", CHILD));
    assertThat(evm.call(200_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ONE);
    assertThat(evm.world.getTransientStorage(CHILD, UInt256.ZERO)).isEqualTo(UInt256.ONE);
  }

  @Test
  void shouldFailWhenStoringInStaticCall() {
    EvmHarness evm = new EvmHarness().code(CHILD, "0x60015f5d00").code(callProgram("fa", CHILD));
    assertThat(evm.call(200_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldReadInStaticCallWhenOnlyLoading() {
    EvmHarness evm =
        new EvmHarness().code(CHILD, "0x5f5c5f5260205ff3").code(callProgram("fa", CHILD));
    assertThat(evm.call(200_000).isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.ONE);
  }

  /** CALL (f1, with a zero value) or STATICCALL (fa) to {@code target}; SSTORE(0, success). */
  static String callProgram(String opcode, Address target) {
    String value = opcode.equals("f1") ? "5f" : "";
    return "0x5f5f5f5f" + value + "73" + target.toHexString().substring(2) + "5a" + opcode + "5f55";
  }
}
