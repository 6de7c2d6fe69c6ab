package org.megaeth.chain.exec;

import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.UInt256;

/** EIP-1559 base fee arithmetic. */
public final class BaseFee {
  /** EIP-1559 {@code ELASTICITY_MULTIPLIER}: the gas target is half the limit. */
  public static final long ELASTICITY_MULTIPLIER = 2;

  /** EIP-1559 {@code BASE_FEE_MAX_CHANGE_DENOMINATOR}: at most 12.5% per block. */
  public static final long MAX_CHANGE_DENOMINATOR = 8;

  /** EIP-1559 {@code INITIAL_BASE_FEE}, for a block whose parent has none. */
  public static final UInt256 INITIAL = UInt256.valueOf(1_000_000_000L);

  private BaseFee() {}

  /** The base fee a child of {@code parent} must carry. */
  public static UInt256 next(BlockHeader parent) {
    if (parent.baseFeePerGas().isEmpty()) {
      return INITIAL;
    }
    UInt256 parentBaseFee = parent.baseFeePerGas().get();
    long target = parent.gasLimit() / ELASTICITY_MULTIPLIER;
    long used = parent.gasUsed();
    if (used == target || target == 0) {
      return parentBaseFee;
    }
    if (used > target) {
      UInt256 delta =
          parentBaseFee
              .multiply(UInt256.valueOf(used - target))
              .divide(UInt256.valueOf(target))
              .divide(UInt256.valueOf(MAX_CHANGE_DENOMINATOR));
      return parentBaseFee.add(delta.max(UInt256.ONE));
    }
    UInt256 delta =
        parentBaseFee
            .multiply(UInt256.valueOf(target - used))
            .divide(UInt256.valueOf(target))
            .divide(UInt256.valueOf(MAX_CHANGE_DENOMINATOR));
    return delta.compareTo(parentBaseFee) >= 0 ? UInt256.ZERO : parentBaseFee.subtract(delta);
  }
}
