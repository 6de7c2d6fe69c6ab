package org.megaeth.sequencer.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.types.Hash;

class AdmissionMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AdmissionMetrics metrics = new AdmissionMetrics(registry);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "already known|already_known",
        "nonce too low: next nonce 5, tx nonce 3|nonce_too_low",
        "replacement transaction underpriced|replacement_underpriced",
        "transaction underpriced: tip 0, minimum 1|underpriced",
        "max fee per gas less than block base fee: maxFeePerGas: 1, baseFee: 7|"
            + "fee_cap_below_base_fee",
        "insufficient funds for gas * price + value: balance 0, tx cost 1, overshot 1|"
            + "insufficient_funds",
        "txpool is full|pool_full",
        "account limit exceeded|account_limit",
        "exceeds block gas limit|exceeds_block_gas_limit",
        "intrinsic gas too low: have 1, want 21000|intrinsic_gas_too_low",
        "oversized data: transaction size 200000, limit 131072|oversized",
        "invalid sender: invalid chain id for signer|invalid_sender",
        "sender not an eoa: address 0x00000000000000000000000000000000000000aa|sender_not_eoa",
        "transaction type not supported|type_not_supported",
        "node is shutting down|shutting_down",
        "max initcode size exceeded: code size 50000, limit 49152|invalid",
        "something no one planned for|invalid",
      })
  void shouldTagEachRefusalWithItsBoundedReasonWhenRejected(String message, String reason) {
    metrics.count(SubmitResult.rejected(message));

    assertThat(rejected(reason).count()).isEqualTo(1);
    assertThat(registry.get("megaeth.sequencer.transactions.rejected").counters())
        .as("exactly one reason moved")
        .filteredOn(c -> c.count() > 0)
        .hasSize(1);
  }

  @Test
  void shouldCountAdmissionsAndReturnTheResultUnchanged() {
    SubmitResult accepted = SubmitResult.accepted(Hash.ZERO);

    assertThat(metrics.count(accepted)).isSameAs(accepted);
    metrics.count(accepted);

    assertThat(registry.get("megaeth.sequencer.transactions.admitted").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("megaeth.sequencer.transactions.rejected").counters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  @Test
  void shouldRegisterEveryReasonUpFrontSoThatTheTagSpaceIsFixed() {
    assertThat(registry.get("megaeth.sequencer.transactions.rejected").counters())
        .hasSize(AdmissionMetrics.Reason.values().length);

    metrics.count(SubmitResult.rejected("nonce too low: next nonce 1, tx nonce 0"));
    metrics.count(SubmitResult.rejected("a message with a random 0x1234 in it"));

    assertThat(registry.get("megaeth.sequencer.transactions.rejected").counters())
        .hasSize(AdmissionMetrics.Reason.values().length);
  }

  private Counter rejected(String reason) {
    return registry.get("megaeth.sequencer.transactions.rejected").tag("reason", reason).counter();
  }
}
