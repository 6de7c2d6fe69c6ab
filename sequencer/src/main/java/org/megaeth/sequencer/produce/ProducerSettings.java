package org.megaeth.sequencer.produce;

import java.time.Duration;
import java.util.Objects;
import org.megaeth.core.types.Address;

/**
 * How the producer paces and fills blocks.
 *
 * @param miniBlockInterval how often the ready transactions go out as a mini-block
 * @param blockInterval how often the mini-blocks are sealed into an EVM block, empty or not
 * @param gasLimit the block gas limit the producer aims for
 * @param coinbase the fee recipient
 * @param maxTransactionsPerMiniBlock a cap that keeps one mini-block's execution short
 */
public record ProducerSettings(
    Duration miniBlockInterval,
    Duration blockInterval,
    long gasLimit,
    Address coinbase,
    int maxTransactionsPerMiniBlock) {
  public ProducerSettings {
    Objects.requireNonNull(miniBlockInterval, "miniBlockInterval");
    Objects.requireNonNull(blockInterval, "blockInterval");
    Objects.requireNonNull(coinbase, "coinbase");
    if (miniBlockInterval.isNegative()
        || miniBlockInterval.isZero()
        || blockInterval.compareTo(miniBlockInterval) < 0) {
      throw new IllegalArgumentException(
          "the mini-block interval must be positive and at most the block interval");
    }
    if (maxTransactionsPerMiniBlock < 1) {
      throw new IllegalArgumentException("a mini-block must be able to hold a transaction");
    }
  }
}
