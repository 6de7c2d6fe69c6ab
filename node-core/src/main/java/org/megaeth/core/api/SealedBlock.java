package org.megaeth.core.api;

import java.util.List;
import java.util.Objects;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.types.Hash;

/**
 * A newly sealed EVM block with its receipts, as announced to listeners. When listeners hear of it,
 * {@link ChainReader} already serves it.
 *
 * @param hash the block's hash (computed once by the producer)
 * @param receipts the consensus receipts, in transaction order
 * @param transactionHashes the transactions' hashes, in order (the producer has them from ingress;
 *     a block object lists them, and hashing thousands of transactions again costs milliseconds)
 * @param size the block's encoded size in bytes ({@link Block#encodedSize})
 */
public record SealedBlock(
    Block block, Hash hash, List<Receipt> receipts, List<Hash> transactionHashes, int size) {
  public SealedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(hash, "hash");
    receipts = List.copyOf(receipts);
    transactionHashes = List.copyOf(transactionHashes);
    int count = block.body().transactions().size();
    if (receipts.size() != count || transactionHashes.size() != count) {
      throw new IllegalArgumentException(
          "%d receipts and %d hashes for %d transactions"
              .formatted(receipts.size(), transactionHashes.size(), count));
    }
    if (size <= 0) {
      throw new IllegalArgumentException("a block's size is positive, not " + size);
    }
  }
}
