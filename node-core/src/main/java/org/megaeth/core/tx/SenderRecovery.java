package org.megaeth.core.tx;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Address;

/** The outcome of recovering a transaction's sender from its signature. */
public sealed interface SenderRecovery permits SenderRecovery.Recovered, SenderRecovery.Invalid {

  static SenderRecovery recovered(Address sender) {
    return new Recovered(sender);
  }

  static SenderRecovery invalid(String reason) {
    return new Invalid(reason);
  }

  /** The sender, or empty when the signature is invalid. */
  Optional<Address> address();

  record Recovered(Address sender) implements SenderRecovery {
    public Recovered {
      Objects.requireNonNull(sender, "sender");
    }

    @Override
    public Optional<Address> address() {
      return Optional.of(sender);
    }
  }

  /** The signature names no sender; {@code reason} says why. */
  record Invalid(String reason) implements SenderRecovery {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<Address> address() {
      return Optional.empty();
    }
  }
}
