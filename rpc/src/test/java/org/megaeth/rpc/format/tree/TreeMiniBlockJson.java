package org.megaeth.rpc.format.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;

/**
 * Frozen copy of the tree-building formatter main used before responses were streamed (commit
 * b81b8b5): the reference the streamed output must match byte for byte.
 *
 * <p>A {@code miniBlocks} subscription item: the mini-block's position and time, and its
 * transactions and receipts as preconfirmed objects (block fields without {@code blockHash}, which
 * only sealing fixes).
 */
public final class TreeMiniBlockJson {
  private TreeMiniBlockJson() {}

  public static ObjectNode format(MiniBlock miniBlock) {
    ObjectNode node = Json.object();
    node.put("sequenceNumber", Hexes.quantity(miniBlock.sequenceNumber()));
    node.put("blockNumber", Hexes.quantity(miniBlock.blockNumber()));
    node.put("index", Hexes.quantity(miniBlock.index()));
    node.put("timestamp", Hexes.quantity(miniBlock.timestampMicros()));
    ArrayNode txs = node.putArray("transactions");
    ArrayNode receipts = node.putArray("receipts");
    for (TransactionResult result : miniBlock.transactions()) {
      txs.add(transaction(result));
      receipts.add(TreeReceiptJson.format(result));
    }
    return node;
  }

  /** The transaction object of a result (preconfirmed unless it carries a block hash). */
  public static ObjectNode transaction(TransactionResult result) {
    TreeTransactionJson.Inclusion inclusion =
        new TreeTransactionJson.Inclusion(
            result.blockHash(),
            result.blockNumber(),
            result.blockTimestamp(),
            result.transactionIndex(),
            Optional.empty());
    ObjectNode tx =
        TreeTransactionJson.format(
            result.transaction(),
            result.transactionHash(),
            result.sender(),
            Optional.of(inclusion));
    // The effective price is known: the producer computed it under the block's base fee.
    tx.put("gasPrice", Hexes.quantity(result.effectiveGasPrice()));
    return tx;
  }
}
