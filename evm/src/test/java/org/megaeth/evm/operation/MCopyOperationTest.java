package org.megaeth.evm.operation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.testutil.EvmHarness;
import org.megaeth.evm.testutil.StepTracer;

/** EIP-5656 MCOPY: the EIP's test vectors, and its gas. */
class MCopyOperationTest {

  /** Stores the 64-byte {@code pre} at 0, runs MCOPY(dst, src, len), returns memory [0, 64). */
  private static String program(String pre, int dst, int src, int len) {
    return "0x7f"
        + pre.substring(0, 64)
        + "600052"
        + "7f"
        + pre.substring(64, 128)
        + "602052"
        + "60%02x60%02x60%02x5e".formatted(len, src, dst)
        + "60406000f3";
  }

  @ParameterizedTest(name = "MCOPY {0} {1} {2}")
  @CsvSource({
    "0, 32, 32,"
        + " 0000000000000000000000000000000000000000000000000000000000000000000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f,"
        + " 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
    "0, 0, 32,"
        + " 01010101010101010101010101010101010101010101010101010101010101010000000000000000000000000000000000000000000000000000000000000000,"
        + " 01010101010101010101010101010101010101010101010101010101010101010000000000000000000000000000000000000000000000000000000000000000",
    "0, 1, 8,"
        + " 00010203040506070800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,"
        + " 01020304050607080800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
    "1, 0, 8,"
        + " 00010203040506070800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,"
        + " 00000102030405060700000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
  })
  void shouldMatchEip5656VectorWhenCopying(int dst, int src, int len, String pre, String post) {
    EvmHarness evm = new EvmHarness().code(program(pre, dst, src, len));
    StepTracer tracer = new StepTracer();
    evm.tracer = tracer;
    MessageResult result = evm.call(100_000);
    assertThat(result.isSuccess()).isTrue();
    assertThat(Hex.encodeNoPrefix(result.output())).isEqualTo(post);
    assertThat(tracer.costOf(MCopyOperation.OPCODE)).isEqualTo(6); // 3 static + 3 per word
  }

  @Test
  void shouldChargeExpansionWhenCopyingPastMemoryEnd() {
    // MCOPY(dst 32, src 0, len 32) on empty memory: 3 + 3 + expansion to 2 words (6).
    EvmHarness evm = new EvmHarness().code("0x6020600060205e00");
    StepTracer tracer = new StepTracer();
    evm.tracer = tracer;
    assertThat(evm.call(100_000).isSuccess()).isTrue();
    assertThat(tracer.costOf(MCopyOperation.OPCODE)).isEqualTo(12);
  }

  @Test
  void shouldNotExpandWhenLengthZero() {
    EvmHarness evm = new EvmHarness().code("0x60006101006101005e5900");
    StepTracer tracer = new StepTracer();
    evm.tracer = tracer;
    assertThat(evm.call(100_000).isSuccess()).isTrue();
    assertThat(tracer.costOf(MCopyOperation.OPCODE)).isEqualTo(3);
  }
}
