package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Wei;

class SenderAccountTest {
  @Test
  void shouldBeDelegatedWhenCodeIsDesignator() {
    Bytes designator =
        Bytes.concatenate(SenderAccount.DELEGATION_PREFIX, TestTransactions.RECIPIENT.bytes());

    assertThat(new SenderAccount(0, Wei.ZERO, designator).isDelegated()).isTrue();
  }

  @Test
  void shouldNotBeDelegatedWhenCodeIsOrdinaryOrEmpty() {
    Bytes almost =
        Bytes.concatenate(Bytes.fromHexString("0xef0101"), TestTransactions.RECIPIENT.bytes());

    assertThat(new SenderAccount(0, Wei.ZERO, almost).isDelegated()).isFalse();
    assertThat(new SenderAccount(0, Wei.ZERO, Bytes.of(0x60)).isDelegated()).isFalse();
    assertThat(SenderAccount.eoa(0, Wei.ZERO).isDelegated()).isFalse();
  }
}
