package org.megaeth.config.genesis;

/**
 * One fork's blob parameters from a genesis {@code blobSchedule} (EIP-7840): how many blobs a block
 * targets and may hold, and how fast the blob base fee reacts.
 *
 * @param target the target blob count per block
 * @param max the maximum blob count per block
 * @param baseFeeUpdateFraction the denominator of the blob base fee's exponential update (EIP-4844)
 */
public record BlobParams(long target, long max, long baseFeeUpdateFraction) {
  /** EIP-4844's values, which EIP-7840 writes into Cancun's entry. */
  public static final BlobParams CANCUN = new BlobParams(3, 6, 3_338_477);

  /** EIP-7691's values for Prague (and, unchanged, Osaka). */
  public static final BlobParams PRAGUE = new BlobParams(6, 9, 5_007_716);

  public BlobParams {
    if (target < 0 || max < target || baseFeeUpdateFraction <= 0) {
      throw new IllegalArgumentException(
          "blob params need 0 <= target <= max and a positive baseFeeUpdateFraction, got " + this);
    }
  }
}
