package org.megaeth.sequencer.mempool;

import org.megaeth.core.types.Wei;

/**
 * The pool's limits.
 *
 * @param maxPerSender transactions one sender may have in the pool (geth's account slots: 16)
 * @param maxTotal transactions in the pool; beyond it the cheapest is evicted
 * @param priceBumpPercent how much a replacement must raise both fee caps (geth: 10)
 * @param maxTransactionBytes the largest encoded transaction accepted (geth: 128 KiB)
 * @param minTip the lowest priority fee accepted
 * @param blockGasLimit a transaction above it can never be included
 */
public record MempoolConfig(
    int maxPerSender,
    int maxTotal,
    int priceBumpPercent,
    int maxTransactionBytes,
    Wei minTip,
    long blockGasLimit) {

  public MempoolConfig {
    if (maxPerSender < 1 || maxTotal < 1) {
      throw new IllegalArgumentException("pool limits must be positive");
    }
    if (priceBumpPercent < 0) {
      throw new IllegalArgumentException("price bump must not be negative");
    }
  }

  /** geth's defaults, but with room for a sequencer's load. */
  public static MempoolConfig defaults(long blockGasLimit) {
    return new MempoolConfig(1024, 100_000, 10, 128 * 1024, Wei.ZERO, blockGasLimit);
  }
}
