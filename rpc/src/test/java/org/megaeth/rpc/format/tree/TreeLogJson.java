package org.megaeth.rpc.format.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Log;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.format.LocatedLog;
import org.megaeth.rpc.json.Json;

/**
 * Frozen copy of the tree-building formatter main used before responses were streamed (commit
 * b81b8b5): the reference the streamed output must match byte for byte.
 *
 * <p>A log object as geth writes it, fields in geth's order.
 */
public final class TreeLogJson {
  private TreeLogJson() {}

  public static ObjectNode format(LocatedLog located) {
    Log log = located.log();
    ObjectNode node = Json.object();
    node.put("address", log.address().toHexString());
    ArrayNode topics = node.putArray("topics");
    for (Hash topic : log.topics()) {
      topics.add(topic.toHexString());
    }
    node.put("data", Hexes.data(log.data()));
    node.put("blockNumber", Hexes.quantity(located.blockNumber()));
    node.put("transactionHash", located.transactionHash().toHexString());
    node.put("transactionIndex", Hexes.quantity(located.transactionIndex()));
    located.blockHash().ifPresent(hash -> node.put("blockHash", hash.toHexString()));
    node.put("blockTimestamp", Hexes.quantity(located.blockTimestamp()));
    node.put("logIndex", Hexes.quantity(located.logIndex()));
    node.put("removed", false);
    return node;
  }

  public static ArrayNode formatAll(List<LocatedLog> logs) {
    ArrayNode array = Json.array();
    for (LocatedLog log : logs) {
      array.add(format(log));
    }
    return array;
  }

  /** The logs of one transaction result, located. */
  public static List<LocatedLog> locate(TransactionResult result) {
    List<Log> logs = result.receipt().logs();
    LocatedLog[] located = new LocatedLog[logs.size()];
    for (int i = 0; i < located.length; i++) {
      located[i] =
          new LocatedLog(
              logs.get(i),
              result.blockNumber(),
              result.blockHash(),
              result.blockTimestamp(),
              result.transactionHash(),
              result.transactionIndex(),
              result.firstLogIndex() + i);
    }
    return List.of(located);
  }
}
