package org.megaeth.core.tx;

import java.util.Optional;
import org.megaeth.core.fork.Fork;

/**
 * The EIP-2718 transaction types the node knows, with the fork that introduced each. A legacy
 * transaction has no type byte on the wire; {@code 0x00} is its conventional number (JSON-RPC,
 * receipts).
 */
public enum TransactionType {
  LEGACY(0x00, Fork.FRONTIER),
  /** EIP-2930: optional access lists. */
  ACCESS_LIST(0x01, Fork.BERLIN),
  /** EIP-1559: fee market. */
  DYNAMIC_FEE(0x02, Fork.LONDON),
  /** EIP-4844: shard blob transactions. */
  BLOB(0x03, Fork.CANCUN),
  /** EIP-7702: set EOA account code. */
  SET_CODE(0x04, Fork.PRAGUE);

  private final int number;
  private final Fork introducedIn;

  TransactionType(int number, Fork introducedIn) {
    this.number = number;
    this.introducedIn = introducedIn;
  }

  /** The EIP-2718 type byte (0 for legacy). */
  public int number() {
    return number;
  }

  public Fork introducedIn() {
    return introducedIn;
  }

  public boolean isSupportedIn(Fork fork) {
    return fork.isAtLeast(introducedIn);
  }

  /** The typed transaction with this EIP-2718 type byte; empty for 0 and unknown types. */
  public static Optional<TransactionType> ofTypeByte(int typeByte) {
    return switch (typeByte) {
      case 0x01 -> Optional.of(ACCESS_LIST);
      case 0x02 -> Optional.of(DYNAMIC_FEE);
      case 0x03 -> Optional.of(BLOB);
      case 0x04 -> Optional.of(SET_CODE);
      default -> Optional.empty();
    };
  }
}
