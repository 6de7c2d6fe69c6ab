package org.megaeth.benchmarks.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.TransactionType;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;

/**
 * The receipt formatting the rpc module used before responses were streamed (commit b81b8b5): an
 * {@code ObjectNode} tree of hex {@code String}s, serialized afterwards. Kept frozen as the
 * baseline of {@link ReceiptJsonBenchmark}; rpc's {@code StreamedFormatsTest} proves the streamed
 * writer's output identical to it.
 */
final class TreeReceiptFormat {
  private TreeReceiptFormat() {}

  static ObjectNode format(TransactionResult result) {
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
    node.set("logs", logs(result));
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

  private static ArrayNode logs(TransactionResult result) {
    ArrayNode array = Json.array();
    List<Log> logs = result.receipt().logs();
    for (int i = 0; i < logs.size(); i++) {
      Log log = logs.get(i);
      ObjectNode node = array.addObject();
      node.put("address", log.address().toHexString());
      ArrayNode topics = node.putArray("topics");
      for (Hash topic : log.topics()) {
        topics.add(topic.toHexString());
      }
      node.put("data", Hexes.data(log.data()));
      node.put("blockNumber", Hexes.quantity(result.blockNumber()));
      node.put("transactionHash", result.transactionHash().toHexString());
      node.put("transactionIndex", Hexes.quantity(result.transactionIndex()));
      result.blockHash().ifPresent(hash -> node.put("blockHash", hash.toHexString()));
      node.put("blockTimestamp", Hexes.quantity(result.blockTimestamp()));
      node.put("logIndex", Hexes.quantity(result.firstLogIndex() + i));
      node.put("removed", false);
    }
    return array;
  }
}
