package org.megaeth.rpc.filter;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.params.BlockParameter;

/**
 * A filter object as {@code eth_getLogs}, {@code eth_newFilter} and the {@code logs} subscription
 * take it: a block hash, or a block range (each end defaulting to {@code latest}), and the log
 * criteria.
 */
public record FilterSpec(
    Optional<Hash> blockHash,
    Optional<BlockParameter> fromBlock,
    Optional<BlockParameter> toBlock,
    LogFilter criteria) {
  public FilterSpec {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(fromBlock, "fromBlock");
    Objects.requireNonNull(toBlock, "toBlock");
    Objects.requireNonNull(criteria, "criteria");
  }

  /**
   * Whether the filter asks for preconfirmed logs: either end is {@code pending}, MegaETH's way of
   * following mini-blocks rather than sealed blocks.
   */
  public boolean followsPending() {
    return fromBlock.filter(b -> b == BlockParameter.Tag.PENDING).isPresent()
        || toBlock.filter(b -> b == BlockParameter.Tag.PENDING).isPresent();
  }
}
