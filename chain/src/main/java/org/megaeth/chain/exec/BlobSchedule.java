package org.megaeth.chain.exec;

import org.megaeth.core.fork.Fork;
import org.megaeth.evm.BlockEnv;

/**
 * The blob parameters of a fork: target and maximum blob gas per block and the base fee update
 * fraction (EIP-4844 for Cancun, EIP-7691 for Prague).
 */
public record BlobSchedule(long targetBlobGas, long maxBlobGas, long baseFeeUpdateFraction) {
  /** EIP-4844 {@code GAS_PER_BLOB}. */
  public static final long GAS_PER_BLOB = 1L << 17;

  public static final BlobSchedule CANCUN =
      new BlobSchedule(3 * GAS_PER_BLOB, 6 * GAS_PER_BLOB, 3_338_477);

  public static final BlobSchedule PRAGUE =
      new BlobSchedule(6 * GAS_PER_BLOB, 9 * GAS_PER_BLOB, 5_007_716);

  public static BlobSchedule of(Fork fork) {
    return fork.isAtLeast(Fork.PRAGUE) ? PRAGUE : CANCUN;
  }

  /** EIP-4844 {@code calc_excess_blob_gas} from the parent's values. */
  public long excessBlobGas(long parentExcessBlobGas, long parentBlobGasUsed) {
    long sum = parentExcessBlobGas + parentBlobGasUsed;
    return sum < targetBlobGas ? 0 : sum - targetBlobGas;
  }

  public org.megaeth.core.types.UInt256 blobBaseFee(long excessBlobGas) {
    return BlockEnv.blobBaseFee(excessBlobGas, baseFeeUpdateFraction);
  }
}
