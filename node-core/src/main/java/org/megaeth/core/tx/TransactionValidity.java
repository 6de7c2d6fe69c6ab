package org.megaeth.core.tx;

import java.util.Objects;
import org.megaeth.core.types.Address;

/** The outcome of {@link TransactionValidator#validate}. */
public sealed interface TransactionValidity
    permits TransactionValidity.Valid, TransactionValidity.Invalid {

  static Invalid invalid(TransactionInvalid reason, String detail) {
    return new Invalid(reason, detail);
  }

  /**
   * The transaction passes every check that needs only itself, the fork and the chain id.
   *
   * @param sender recovered from the signature
   * @param intrinsicGas {@link IntrinsicGas#of} for the fork (the EIP-7623 floor is separate)
   */
  record Valid(Address sender, long intrinsicGas) implements TransactionValidity {
    public Valid {
      Objects.requireNonNull(sender, "sender");
    }
  }

  /**
   * The transaction is refused.
   *
   * @param detail the particulars (values, addresses), possibly empty
   */
  record Invalid(TransactionInvalid reason, String detail) implements TransactionValidity {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** geth's form: the reason, then {@code ": "} and the detail when there is one. */
    public String message() {
      return detail.isEmpty() ? reason.text() : reason.text() + ": " + detail;
    }
  }
}
