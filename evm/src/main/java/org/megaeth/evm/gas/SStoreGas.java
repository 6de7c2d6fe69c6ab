package org.megaeth.evm.gas;

import org.megaeth.core.types.UInt256;

/**
 * SSTORE gas and refund under EIP-2200 (net metering), EIP-2929 (cold slot surcharge, reduced reset
 * cost) and EIP-3529 (reduced clearing refund). The cold surcharge is separate: {@link
 * #coldSurcharge}.
 */
public final class SStoreGas {
  private SStoreGas() {}

  /** EIP-2929: a cold slot costs {@code COLD_SLOAD_COST} more. */
  public static long coldSurcharge(boolean cold) {
    return cold ? Gas.COLD_SLOAD : 0;
  }

  /** The EIP-2200 cost (warm) of writing {@code value} over {@code current}. */
  public static long cost(UInt256 original, UInt256 current, UInt256 value) {
    if (current.equals(value)) {
      return Gas.WARM_STORAGE_READ;
    }
    if (original.equals(current)) {
      return original.isZero() ? Gas.SSTORE_SET : Gas.SSTORE_RESET;
    }
    return Gas.WARM_STORAGE_READ;
  }

  /** The change to the refund counter (may be negative) for the same write. */
  public static long refund(UInt256 original, UInt256 current, UInt256 value) {
    if (current.equals(value)) {
      return 0;
    }
    if (original.equals(current)) {
      return (!original.isZero() && value.isZero()) ? Gas.SSTORE_CLEARS_SCHEDULE : 0;
    }
    long refund = 0;
    if (!original.isZero()) {
      if (current.isZero()) {
        refund -= Gas.SSTORE_CLEARS_SCHEDULE;
      } else if (value.isZero()) {
        refund += Gas.SSTORE_CLEARS_SCHEDULE;
      }
    }
    if (original.equals(value)) {
      refund +=
          original.isZero()
              ? Gas.SSTORE_SET - Gas.WARM_STORAGE_READ
              : Gas.SSTORE_RESET - Gas.WARM_STORAGE_READ;
    }
    return refund;
  }
}
