package org.megaeth.core.tx;

import java.util.Objects;
import java.util.Optional;

/**
 * A transaction in its network form (eth/68 {@code PooledTransactions}, {@code
 * eth_sendRawTransaction}): a blob transaction carries its sidecar, every other type is as in a
 * block.
 */
public record PooledTransaction(Transaction transaction, Optional<BlobSidecar> sidecar) {
  public PooledTransaction {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(sidecar, "sidecar");
    boolean isBlob = transaction instanceof BlobTransaction;
    if (isBlob != sidecar.isPresent()) {
      throw new IllegalArgumentException(
          isBlob
              ? "a blob transaction in network form needs its sidecar"
              : "only blob transactions carry a sidecar");
    }
  }

  public static PooledTransaction of(Transaction transaction) {
    return new PooledTransaction(transaction, Optional.empty());
  }

  public static PooledTransaction of(BlobTransaction transaction, BlobSidecar sidecar) {
    return new PooledTransaction(transaction, Optional.of(sidecar));
  }
}
