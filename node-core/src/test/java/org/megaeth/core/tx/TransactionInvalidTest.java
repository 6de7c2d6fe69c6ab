package org.megaeth.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionInvalidTest {
  /** The strings wallets and tools match on: they must not drift from geth's. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NONCE_TOO_LOW | nonce too low",
        "NONCE_TOO_HIGH | nonce too high",
        "NONCE_MAX | nonce has max value",
        "INSUFFICIENT_FUNDS | insufficient funds for gas * price + value",
        "INTRINSIC_GAS_TOO_LOW | intrinsic gas too low",
        "FEE_CAP_TOO_LOW | max fee per gas less than block base fee",
        "TIP_ABOVE_FEE_CAP | max priority fee per gas higher than max fee per gas",
        "TIP_VERY_HIGH | max priority fee per gas higher than 2^256-1",
        "FEE_CAP_VERY_HIGH | max fee per gas higher than 2^256-1",
        "EXCEEDS_BLOCK_GAS_LIMIT | exceeds block gas limit",
        "MAX_INITCODE_SIZE_EXCEEDED | max initcode size exceeded",
        "INVALID_SENDER | invalid sender",
        "INVALID_CHAIN_ID | invalid chain id for signer",
        "TYPE_NOT_SUPPORTED | transaction type not supported",
        "SENDER_NOT_EOA | sender not an eoa",
        "EMPTY_AUTH_LIST | EIP-7702 transaction with empty auth list",
      })
  void shouldUseGethWordsWhenPrinted(TransactionInvalid reason, String text) {
    assertThat(reason.text()).isEqualTo(text);
    assertThat(reason).hasToString(text);
  }

  @Test
  void shouldHaveDistinctTextsForEveryReason() {
    assertThat(Arrays.stream(TransactionInvalid.values()).map(TransactionInvalid::text))
        .doesNotHaveDuplicates();
  }
}
