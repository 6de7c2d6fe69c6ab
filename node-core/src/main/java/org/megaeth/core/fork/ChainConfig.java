package org.megaeth.core.fork;

/**
 * The consensus rules of one chain: its id and its fork schedule. Built from genesis config by the
 * {@code config} module; read by every role.
 */
public record ChainConfig(long chainId, ForkSchedule forks) {
  public ChainConfig {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive, got " + chainId);
    }
  }

  public Fork forkAt(long blockNumber, long timestamp) {
    return forks.forkAt(blockNumber, timestamp);
  }
}
