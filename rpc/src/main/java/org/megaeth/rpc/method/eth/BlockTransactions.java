package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.core.block.Block;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.chain.Senders;
import org.megaeth.rpc.format.TransactionJson;
import org.megaeth.rpc.json.Json;

/**
 * A sealed block's transaction as a transaction object: shared by the lookups by hash and index.
 */
final class BlockTransactions {
  private BlockTransactions() {}

  /** Transaction {@code index} of {@code block}, or JSON null when there is none. */
  static JsonNode format(Block block, Hash blockHash, long index, Senders senders) {
    if (index < 0 || index >= block.body().transactions().size()) {
      return Json.nullNode();
    }
    int i = (int) index;
    Transaction tx = block.body().transactions().get(i);
    TransactionJson.Inclusion inclusion =
        new TransactionJson.Inclusion(
            Optional.of(blockHash),
            block.number(),
            block.header().timestamp(),
            i,
            block.header().baseFeePerGas().map(Wei::of));
    return TransactionJson.format(
        tx, tx.hash(), senders.sender(block, blockHash, i), Optional.of(inclusion));
  }
}
