package org.megaeth.rpc.format.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.TransactionType;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;

/**
 * Frozen copy of the tree-building formatter main used before responses were streamed (commit
 * b81b8b5): the reference the streamed output must match byte for byte.
 *
 * <p>A receipt object as geth writes it. A preconfirmed result (no block hash yet) leaves {@code
 * blockHash} out, in the receipt and its logs, as MegaETH's realtime API does: the block hash is
 * only known when the block is sealed, and a client must not see a value that changes later.
 */
public final class TreeReceiptJson {
  private TreeReceiptJson() {}

  public static ObjectNode format(TransactionResult result) {
    Receipt receipt = result.receipt();
    ObjectNode node = Json.object();
    result.blockHash().ifPresent(hash -> node.put("blockHash", hash.toHexString()));
    node.put("blockNumber", Hexes.quantity(result.blockNumber()));
    node.put("contractAddress", (String) null);
    result.contractAddress().ifPresent(a -> node.put("contractAddress", a.toHexString()));
    node.put("cumulativeGasUsed", Hexes.quantity(receipt.cumulativeGasUsed()));
    node.put("effectiveGasPrice", Hexes.quantity(result.effectiveGasPrice()));
    node.put("from", result.sender().toHexString());
    node.put("gasUsed", Hexes.quantity(result.gasUsed()));
    node.set("logs", TreeLogJson.formatAll(TreeLogJson.locate(result)));
    node.put("logsBloom", Hexes.data(receipt.logsBloom().bytes()));
    if (receipt.postStateRoot().isPresent()) {
      node.put("root", receipt.postStateRoot().get().toHexString());
    } else {
      node.put("status", receipt.success() ? "0x1" : "0x0");
    }
    node.put("to", (String) null);
    result.transaction().to().ifPresent(to -> node.put("to", to.toHexString()));
    node.put("transactionHash", result.transactionHash().toHexString());
    node.put("transactionIndex", Hexes.quantity(result.transactionIndex()));
    node.put("type", Hexes.quantity(receipt.type()));
    if (result.transaction().type() == TransactionType.BLOB) {
      node.put("blobGasUsed", Hexes.quantity(result.blobGasUsed()));
      result.blobGasPrice().ifPresent(price -> node.put("blobGasPrice", Hexes.quantity(price)));
    }
    return node;
  }
}
