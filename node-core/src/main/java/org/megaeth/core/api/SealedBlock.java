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
 */
public record SealedBlock(Block block, Hash hash, List<Receipt> receipts) {
  public SealedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(hash, "hash");
    receipts = List.copyOf(receipts);
    if (receipts.size() != block.body().transactions().size()) {
      throw new IllegalArgumentException(
          "%d receipts for %d transactions"
              .formatted(receipts.size(), block.body().transactions().size()));
    }
  }
}
