package org.megaeth.sequencer.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.megaeth.core.api.SubmitResult;

/**
 * Counts what ingress did with each submitted transaction: admitted, or rejected for one of a small
 * fixed set of reasons. The reason tag comes from the start of the refusal's geth words, never from
 * the message itself (which carries nonces, balances and addresses), so a client cannot grow the
 * tag space. Every counter is registered up front: counting is one enum scan on a refusal and one
 * atomic add, with no allocation.
 */
public final class AdmissionMetrics {

  /** The {@code reason} tag's values, each with the prefix of the refusals it stands for. */
  enum Reason {
    ALREADY_KNOWN("already_known", "already known"),
    NONCE_TOO_LOW("nonce_too_low", "nonce too low"),
    REPLACEMENT_UNDERPRICED("replacement_underpriced", "replacement transaction underpriced"),
    UNDERPRICED("underpriced", "transaction underpriced"),
    FEE_CAP_BELOW_BASE_FEE("fee_cap_below_base_fee", "max fee per gas less than block base fee"),
    INSUFFICIENT_FUNDS("insufficient_funds", "insufficient funds"),
    POOL_FULL("pool_full", "txpool is full"),
    ACCOUNT_LIMIT("account_limit", "account limit exceeded"),
    EXCEEDS_BLOCK_GAS_LIMIT("exceeds_block_gas_limit", "exceeds block gas limit"),
    INTRINSIC_GAS_TOO_LOW("intrinsic_gas_too_low", "intrinsic gas too low"),
    OVERSIZED("oversized", "oversized data"),
    INVALID_SENDER("invalid_sender", "invalid sender"),
    SENDER_NOT_EOA("sender_not_eoa", "sender not an eoa"),
    TYPE_NOT_SUPPORTED("type_not_supported", "transaction type not supported"),
    SHUTTING_DOWN("shutting_down", "node is shutting down"),
    /** Any other refusal: the remaining stateless checks of the transaction itself. */
    INVALID("invalid", "");

    private static final Reason[] VALUES = values();

    final String tag;
    private final String prefix;

    Reason(String tag, String prefix) {
      this.tag = tag;
      this.prefix = prefix;
    }

    static Reason of(String message) {
      for (Reason reason : VALUES) {
        if (reason != INVALID && message.startsWith(reason.prefix)) {
          return reason;
        }
      }
      return INVALID;
    }
  }

  private final Counter admitted;
  private final Counter[] rejected = new Counter[Reason.VALUES.length];

  public AdmissionMetrics(MeterRegistry registry) {
    admitted =
        Counter.builder("megaeth.sequencer.transactions.admitted")
            .description("Transactions admitted to the pool")
            .register(registry);
    for (Reason reason : Reason.VALUES) {
      rejected[reason.ordinal()] =
          Counter.builder("megaeth.sequencer.transactions.rejected")
              .description("Transactions refused at ingress, by reason")
              .tag("reason", reason.tag)
              .register(registry);
    }
  }

  /** Counts one outcome and returns it, so that a call site stays one expression. */
  SubmitResult count(SubmitResult result) {
    switch (result) {
      case SubmitResult.Accepted accepted -> admitted.increment();
      case SubmitResult.Rejected refused ->
          rejected[Reason.of(refused.message()).ordinal()].increment();
    }
    return result;
  }
}
