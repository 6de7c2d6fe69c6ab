package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.core.types.UInt256;

class TransactionSignerTest {
  @Test
  void shouldProduceEip155VWhenLegacyHasChainId() {
    LegacyTransaction signed = TestTransactions.signed(TestTransactions.legacy());

    assertThat(signed.v().toLongExact()).isIn(37L, 38L);
    assertThat(signed.sender().address()).contains(TestTransactions.KEY_ADDRESS);
  }

  @Test
  void shouldSignDeterministicallyWithLowSWhenSigningTwice() {
    DynamicFeeTransaction first = TestTransactions.signed(TestTransactions.dynamicFee());
    DynamicFeeTransaction second = TestTransactions.signed(TestTransactions.dynamicFee());

    assertThat(first).isEqualTo(second);
    assertThat(first.signature().isLowS()).isTrue();
  }

  @Test
  void shouldKeepTypeAndFieldsWhenSigning() {
    SetCodeTransaction unsigned = TestTransactions.setCode();

    SetCodeTransaction signed = TransactionSigner.sign(unsigned, TestTransactions.KEY);

    assertThat(signed.withSignature(TransactionSigner.UNSIGNED)).isEqualTo(unsigned);
    assertThat(signed.signingHash()).isEqualTo(unsigned.signingHash());
  }

  @Test
  void shouldSignAuthorizationForAnyChainWhenChainIdIsZero() {
    Authorization auth =
        TransactionSigner.signAuthorization(
            UInt256.ZERO, TestTransactions.RECIPIENT, 3, TestTransactions.KEY);

    assertThat(auth.chainId()).isEqualTo(UInt256.ZERO);
    assertThat(auth.yParity()).isIn(0, 1);
    assertThat(auth.authority()).contains(TestTransactions.KEY_ADDRESS);
  }
}
