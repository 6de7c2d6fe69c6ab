package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

class TransactionTest {
  @Test
  void shouldPayBaseFeePlusTipWhenBelowFeeCap() {
    Transaction tx = TestTransactions.dynamicFee(Wei.of(2), Wei.of(100));

    assertThat(tx.effectiveGasPrice(Wei.of(50))).isEqualTo(Wei.of(52));
    assertThat(tx.effectivePriorityFee(Wei.of(50))).isEqualTo(Wei.of(2));
  }

  @Test
  void shouldPayFeeCapWhenBaseFeePlusTipExceedsIt() {
    Transaction tx = TestTransactions.dynamicFee(Wei.of(10), Wei.of(100));

    assertThat(tx.effectiveGasPrice(Wei.of(95))).isEqualTo(Wei.of(100));
    assertThat(tx.effectivePriorityFee(Wei.of(95))).isEqualTo(Wei.of(5));
  }

  @Test
  void shouldPayFeeCapWhenBaseFeePlusTipOverflows() {
    Transaction tx = TestTransactions.dynamicFee(Wei.of(UInt256.MAX), Wei.of(UInt256.MAX));

    assertThat(tx.effectiveGasPrice(Wei.of(2))).isEqualTo(Wei.of(UInt256.MAX));
  }

  @Test
  void shouldPayGasPriceWhenLegacy() {
    Transaction tx = TestTransactions.legacy();

    assertThat(tx.effectiveGasPrice(Wei.of(7))).isEqualTo(Wei.fromGwei(1));
    assertThat(tx.effectivePriorityFee(Wei.of(7))).isEqualTo(Wei.fromGwei(1).subtract(Wei.of(7)));
  }

  @Test
  void shouldThrowWhenPriorityFeeAskedBelowBaseFee() {
    Transaction tx = TestTransactions.dynamicFee(Wei.of(1), Wei.of(10));

    assertThatThrownBy(() -> tx.effectivePriorityFee(Wei.of(11)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldHashCanonicalEncodingWhenComputingHash() {
    Transaction tx = TestTransactions.signed(TestTransactions.blob());

    assertThat(tx.hash()).isEqualTo(Keccak.hash(tx.encoded()));
  }

  @Test
  void shouldBeCreationWhenRecipientIsEmpty() {
    assertThat(TestTransactions.legacy(Optional.empty(), Bytes.EMPTY).isContractCreation())
        .isTrue();
    assertThat(TestTransactions.legacy().isContractCreation()).isFalse();
  }

  @Test
  void shouldSayInvalidSignatureWhenRIsZero() {
    Transaction tx =
        TestTransactions.legacy().withSignature(new Signature(UInt256.ZERO, UInt256.ONE, 0));

    assertThat(tx.sender()).isInstanceOf(SenderRecovery.Invalid.class);
    assertThat(tx.sender().address()).isEmpty();
    assertThat(((SenderRecovery.Invalid) tx.sender()).reason())
        .startsWith("invalid transaction v, r, s values");
  }

  @Test
  void shouldSayInvalidSignatureWhenUnsigned() {
    assertThat(TestTransactions.legacy().sender()).isInstanceOf(SenderRecovery.Invalid.class);
  }

  @Test
  void shouldDefaultBlobAndAuthorizationListsToEmptyWhenOtherTypes() {
    Transaction tx = TestTransactions.dynamicFee();

    assertThat(tx.blobVersionedHashes()).isEmpty();
    assertThat(tx.authorizationList()).isEmpty();
  }
}
