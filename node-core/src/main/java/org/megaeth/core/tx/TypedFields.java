package org.megaeth.core.tx;

import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/** Invariants shared by the typed transaction records. */
final class TypedFields {
  private TypedFields() {}

  /**
   * Typed transactions always carry a chain id; the accessor is an {@code Optional} only because
   * legacy transactions share the interface.
   */
  static void requireChainId(Optional<UInt256> chainId) {
    if (chainId.isEmpty()) {
      throw new IllegalArgumentException("a typed transaction needs a chain id");
    }
  }

  /** Blob and set-code transactions cannot create contracts: their {@code to} is mandatory. */
  static void requireRecipient(Optional<Address> to, TransactionInvalid ifMissing) {
    if (to.isEmpty()) {
      throw new IllegalArgumentException(ifMissing.text());
    }
  }
}
