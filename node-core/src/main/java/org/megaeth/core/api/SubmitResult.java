package org.megaeth.core.api;

import java.util.Objects;
import org.megaeth.core.types.Hash;

/** What the node did with a submitted transaction. */
public sealed interface SubmitResult permits SubmitResult.Accepted, SubmitResult.Rejected {

  static SubmitResult accepted(Hash hash) {
    return new Accepted(hash);
  }

  static SubmitResult rejected(String message) {
    return new Rejected(message);
  }

  /** The transaction is in the pool (or already executed); {@code hash} identifies it. */
  record Accepted(Hash hash) implements SubmitResult {
    public Accepted {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * The transaction was refused; {@code message} is in geth's words ({@code "nonce too low: ..."},
   * {@code "already known"}, {@code "replacement transaction underpriced"}), which wallets match.
   */
  record Rejected(String message) implements SubmitResult {
    public Rejected {
      Objects.requireNonNull(message, "message");
    }
  }
}
