package org.megaeth.evm.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.testutil.EvmHarness;

/** Reusing stacks and memories across messages must leak nothing from one into the next. */
class ExecutionResourcesTest {
  private static final Address WRITER =
      Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address READER =
      Address.fromHex("0x00000000000000000000000000000000000000a2");
  private static final Address POPPER =
      Address.fromHex("0x00000000000000000000000000000000000000a3");
  private static final Address OUTER =
      Address.fromHex("0x00000000000000000000000000000000000000a4");

  /** MSTORE(0, 2^256-1); MSTORE(0x100, 2^256-1); then leaves 1, 2, 3, 4 on the stack. */
  private static final String WRITE =
      "0x7f"
          + "ff".repeat(32)
          + "5f527f"
          + "ff".repeat(32)
          + "61010052"
          + "6001600260036004"
          + "00";

  /** SSTORE(0, MSIZE); SSTORE(1, MLOAD(0)); SSTORE(2, MLOAD(0x100)); SSTORE(3, RETURNDATASIZE). */
  private static final String READ =
      "0x595f55" + "5f51600155" + "61010051600255" + "3d600355" + "00";

  /** POP on what must be an empty stack. */
  private static final String POP = "0x5000";

  private static String callOf(Address target) {
    // CALL(gas, target, 0, 0, 0, 0, 0); POP
    return "5f5f5f5f5f73" + target.toHexString().substring(2) + "5af150";
  }

  private static EvmHarness harness() {
    return new EvmHarness().code(WRITER, WRITE).code(READER, READ).code(POPPER, POP);
  }

  private static MessageResult call(EvmHarness evm, ExecutionResources resources, Address to) {
    return new FrameRunner(evm.context(), resources)
        .call(EvmHarness.CALLER, to, UInt256.ZERO, new byte[0], 1_000_000, false);
  }

  @Test
  void shouldStartWithEmptyMemoryAndStackWhenReusedAtDepthZero() {
    EvmHarness evm = harness();
    ExecutionResources resources = new ExecutionResources();
    assertThat(call(evm, resources, WRITER).isSuccess()).isTrue();
    assertThat(call(evm, resources, READER).isSuccess()).isTrue();
    assertThat(evm.storage(READER, 0)).isEqualTo(UInt256.ZERO); // MSIZE
    assertThat(evm.storage(READER, 1)).isEqualTo(UInt256.ZERO);
    assertThat(evm.storage(READER, 2)).isEqualTo(UInt256.ZERO);
    assertThat(evm.storage(READER, 3)).isEqualTo(UInt256.ZERO);
    call(evm, resources, WRITER);
    MessageResult pop = call(evm, resources, POPPER);
    assertThat(pop.haltReason()).contains(HaltReason.STACK_UNDERFLOW);
  }

  @Test
  void shouldStartWithEmptyMemoryWhenReusedAtDepthOne() {
    EvmHarness evm = harness();
    evm.code(OUTER, "0x" + callOf(WRITER) + callOf(READER) + "00");
    ExecutionResources resources = new ExecutionResources();
    assertThat(call(evm, resources, OUTER).isSuccess()).isTrue();
    evm.code(OUTER, "0x" + callOf(WRITER) + "00");
    call(evm, resources, OUTER);
    evm.code(OUTER, "0x" + callOf(READER) + "00");
    call(evm, resources, OUTER);
    assertThat(evm.storage(READER, 0)).isEqualTo(UInt256.ZERO);
    assertThat(evm.storage(READER, 1)).isEqualTo(UInt256.ZERO);
    assertThat(evm.storage(READER, 2)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldKeepOnlyRetainedDepthsWhenMessageWentDeep() {
    // SSTORE(0, SLOAD(0) + 1); CALL(gas, ADDRESS, 0, 0, 0, 0, 0)
    EvmHarness evm = new EvmHarness().code("0x5f546001015f555f5f5f5f5f305af100");
    ExecutionResources resources = new ExecutionResources();
    MessageResult result =
        new FrameRunner(evm.context(), resources)
            .call(
                EvmHarness.CALLER,
                EvmHarness.CONTRACT,
                UInt256.ZERO,
                new byte[0],
                Long.MAX_VALUE / 4,
                false);
    assertThat(result.isSuccess()).isTrue();
    assertThat(evm.storage(0)).isEqualTo(UInt256.valueOf(FrameRunner.MAX_DEPTH + 1));
    assertThat(resources.retainedDepths()).isEqualTo(ExecutionResources.RETAINED_DEPTHS);
    assertThat(resources.frames).isEmpty();
  }

  @Test
  void shouldDropLargeBufferWhenMemoryReset() {
    Memory memory = new Memory();
    memory.ensure(0, Memory.RETAINED_BYTES + 32);
    memory.reset();
    assertThat(memory.size()).isZero();
    assertThat(memory.data()).isEmpty();
    memory.ensure(0, 64);
    memory.data()[5] = 1;
    memory.reset();
    assertThat(memory.data()).containsOnly(0);
  }
}
