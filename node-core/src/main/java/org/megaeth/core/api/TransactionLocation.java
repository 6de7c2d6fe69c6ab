package org.megaeth.core.api;

import java.util.Objects;
import org.megaeth.core.types.Hash;

/** Where a transaction is: its sealed block and its index in that block. */
public record TransactionLocation(Hash blockHash, long blockNumber, int index) {
  public TransactionLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (blockNumber < 0 || index < 0) {
      throw new IllegalArgumentException(
          "block number and index must not be negative: %d, %d".formatted(blockNumber, index));
    }
  }
}
