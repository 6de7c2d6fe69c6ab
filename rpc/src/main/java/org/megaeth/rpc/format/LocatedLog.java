package org.megaeth.rpc.format;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.block.Log;
import org.megaeth.core.types.Hash;

/**
 * A log with where it was emitted, as {@code eth_getLogs}, filters and subscriptions return it.
 *
 * @param blockHash empty for a preconfirmed log (its block is not sealed yet)
 * @param logIndex the block-wide index
 */
public record LocatedLog(
    Log log,
    long blockNumber,
    Optional<Hash> blockHash,
    long blockTimestamp,
    Hash transactionHash,
    int transactionIndex,
    int logIndex) {
  public LocatedLog {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }
}
