package org.megaeth.rpc.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.core.util.Hex;
import org.megaeth.rpc.testing.Contracts;

class RevertReasonTest {
  @Test
  void shouldDecodeErrorStrings() {
    assertThat(RevertReason.decode(Contracts.errorData("user error"))).contains("user error");
    assertThat(RevertReason.decode(Contracts.errorData(""))).contains("");
  }

  @Test
  void shouldDecodePanicsInGethsWords() {
    assertThat(RevertReason.decode(Hex.decode("0x4e487b71" + "0".repeat(62) + "11")))
        .contains("arithmetic underflow or overflow");
    assertThat(RevertReason.decode(Hex.decode("0x4e487b71" + "0".repeat(62) + "99")))
        .contains("unknown panic code: 0x99");
  }

  @Test
  void shouldGiveNoReasonForCustomErrorsOrBrokenData() {
    assertThat(RevertReason.decode(Hex.decode("0xdeadbeef"))).isEmpty();
    assertThat(RevertReason.decode(new byte[0])).isEmpty();
    byte[] truncated = java.util.Arrays.copyOf(Contracts.errorData("long reason"), 60);
    assertThat(RevertReason.decode(truncated)).isEmpty();
  }
}
