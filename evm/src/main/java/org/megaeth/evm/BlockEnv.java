package org.megaeth.evm;

import java.util.Objects;
import java.util.function.LongFunction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * The block a transaction executes in, as the EVM sees it.
 *
 * @param prevRandao the beacon randomness (EIP-4399), read by PREVRANDAO
 * @param baseFee EIP-1559
 * @param blobBaseFee EIP-4844, from the header's excess blob gas
 * @param blockHashes the hash of an ancestor by number; only called for the 256 most recent
 */
public record BlockEnv(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    Hash prevRandao,
    UInt256 baseFee,
    UInt256 blobBaseFee,
    long chainId,
    LongFunction<Hash> blockHashes) {

  public BlockEnv {
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(blobBaseFee, "blobBaseFee");
    Objects.requireNonNull(blockHashes, "blockHashes");
  }

  /** EIP-4844 {@code MIN_BASE_FEE_PER_BLOB_GAS}. */
  public static final long MIN_BLOB_BASE_FEE = 1;

  /** EIP-4844 (Cancun) {@code BLOB_BASE_FEE_UPDATE_FRACTION}. */
  public static final long BLOB_BASE_FEE_UPDATE_FRACTION_CANCUN = 3_338_477;

  /** EIP-7691 (Prague) {@code BLOB_BASE_FEE_UPDATE_FRACTION_PRAGUE}. */
  public static final long BLOB_BASE_FEE_UPDATE_FRACTION_PRAGUE = 5_007_716;

  /**
   * EIP-4844 {@code fake_exponential(MIN_BASE_FEE_PER_BLOB_GAS, excess_blob_gas,
   * BLOB_BASE_FEE_UPDATE_FRACTION)}.
   */
  public static UInt256 blobBaseFee(long excessBlobGas, long updateFraction) {
    java.math.BigInteger factor = java.math.BigInteger.valueOf(MIN_BLOB_BASE_FEE);
    java.math.BigInteger numerator = new java.math.BigInteger(Long.toUnsignedString(excessBlobGas));
    java.math.BigInteger denominator = java.math.BigInteger.valueOf(updateFraction);
    java.math.BigInteger output = java.math.BigInteger.ZERO;
    java.math.BigInteger accum = factor.multiply(denominator);
    int i = 1;
    while (accum.signum() > 0) {
      output = output.add(accum);
      accum =
          accum.multiply(numerator).divide(denominator.multiply(java.math.BigInteger.valueOf(i)));
      i++;
    }
    java.math.BigInteger result = output.divide(denominator);
    return result.bitLength() > 256 ? UInt256.MAX : UInt256.fromBigInteger(result);
  }
}
