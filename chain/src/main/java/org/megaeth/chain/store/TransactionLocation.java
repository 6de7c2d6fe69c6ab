package org.megaeth.chain.store;

import java.util.Objects;
import org.megaeth.core.types.Hash;

/**
 * Where a transaction of the canonical chain is.
 *
 * @param index its position in the block's transactions (and receipts)
 */
public record TransactionLocation(Hash blockHash, long blockNumber, int index) {
  public TransactionLocation {
    Objects.requireNonNull(blockHash, "blockHash");
    if (blockNumber < 0 || index < 0) {
      throw new IllegalArgumentException(
          "block number and index must not be negative: " + blockNumber + ", " + index);
    }
  }
}
