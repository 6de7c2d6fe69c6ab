package org.megaeth.rpc.evm;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.tx.TransactionInvalid;
import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.HaltReason;

/** What running a call did: it ran (successfully, reverted or halted), or it could not run. */
public sealed interface CallOutcome permits CallOutcome.Executed, CallOutcome.Invalid {

  /**
   * The call ran.
   *
   * @param output RETURN or REVERT data
   * @param gasUsed after refunds, as a receipt would show
   * @param refund the refund already deducted
   * @param halt why the top frame halted exceptionally; empty for success and revert
   * @param createdAddress the new contract of a successful creation
   */
  record Executed(
      boolean success,
      byte[] output,
      long gasUsed,
      long refund,
      Optional<HaltReason> halt,
      Optional<Address> createdAddress)
      implements CallOutcome {
    public Executed {
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(halt, "halt");
      Objects.requireNonNull(createdAddress, "createdAddress");
    }

    public boolean reverted() {
      return !success && halt.isEmpty();
    }
  }

  /**
   * The call could not run: a transaction rule refused it (funds, intrinsic gas, fees).
   *
   * @param message geth's words, e.g. {@code "insufficient funds for gas * price + value: ..."}
   * @param reason the rule, when a transaction rule it was
   */
  record Invalid(String message, Optional<TransactionInvalid> reason) implements CallOutcome {
    public Invalid {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(reason, "reason");
    }

    /** Too little gas for the transaction to start: estimation counts it as a failed try. */
    public boolean isGasTooLow() {
      return reason
          .filter(
              r ->
                  r == TransactionInvalid.INTRINSIC_GAS_TOO_LOW
                      || r == TransactionInvalid.FLOOR_DATA_GAS_TOO_LOW)
          .isPresent();
    }
  }
}
