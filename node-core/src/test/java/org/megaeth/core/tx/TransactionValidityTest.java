package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionValidityTest {
  @Test
  void shouldJoinReasonAndDetailWithColonWhenDetailPresent() {
    TransactionValidity.Invalid invalid =
        TransactionValidity.invalid(TransactionInvalid.NONCE_TOO_HIGH, "tx: 5 state: 3");

    assertThat(invalid.message()).isEqualTo("nonce too high: tx: 5 state: 3");
  }

  @Test
  void shouldUseReasonAloneWhenNoDetail() {
    assertThat(TransactionValidity.invalid(TransactionInvalid.MISSING_BLOB_HASHES, "").message())
        .isEqualTo("blob transaction missing blob hashes");
  }
}
