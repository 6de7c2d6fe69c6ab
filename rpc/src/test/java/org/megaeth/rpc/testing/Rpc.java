package org.megaeth.rpc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.megaeth.config.Defaults;
import org.megaeth.config.RpcNamespace;
import org.megaeth.config.RpcOptions;
import org.megaeth.rpc.json.Json;

/** Building JSON-RPC requests and options in tests. */
public final class Rpc {
  private Rpc() {}

  /** Options as the defaults, on an ephemeral port, with every namespace on. */
  public static RpcOptions options() {
    return new RpcOptions(
        true,
        "127.0.0.1",
        0,
        true,
        List.of(),
        Defaults.RPC_HOST_ALLOWLIST,
        Defaults.RPC_MAX_BATCH_SIZE,
        Defaults.RPC_MAX_REQUEST_BYTES,
        Defaults.RPC_GAS_CAP,
        Duration.ofSeconds(5),
        EnumSet.allOf(RpcNamespace.class),
        Defaults.RPC_ALLOW_UNPROTECTED_TXS,
        Defaults.RPC_SYNC_TIMEOUT,
        Defaults.RPC_SYNC_MAX_TIMEOUT,
        Defaults.RPC_MAX_RESPONSE_BYTES,
        Defaults.RPC_LOGS_MAX_BLOCK_RANGE,
        Defaults.RPC_LOGS_MAX_RESULTS);
  }

  /** A request object with id 1. */
  public static String request(String method, Object... params) {
    return Json.toString(requestNode(1, method, params));
  }

  public static ObjectNode requestNode(int id, String method, Object... params) {
    ObjectNode node = Json.object();
    node.put("jsonrpc", "2.0");
    node.put("id", id);
    node.put("method", method);
    ArrayNode array = node.putArray("params");
    for (Object p : params) {
      array.add(toJson(p));
    }
    return node;
  }

  /** Strings, numbers, booleans, null, nodes, lists and maps, as JSON. */
  @SuppressWarnings("unchecked")
  public static JsonNode toJson(Object value) {
    if (value == null) {
      return Json.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof String s) {
      return Json.text(s);
    }
    if (value instanceof Boolean b) {
      return Json.bool(b);
    }
    if (value instanceof Integer i) {
      return com.fasterxml.jackson.databind.node.IntNode.valueOf(i);
    }
    if (value instanceof Long l) {
      return com.fasterxml.jackson.databind.node.LongNode.valueOf(l);
    }
    if (value instanceof Double d) {
      return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(d);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.array();
      list.forEach(v -> array.add(toJson(v)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = Json.object();
      ((Map<String, Object>) map).forEach((k, v) -> object.set(k, toJson(v)));
      return object;
    }
    return Json.text(value.toString());
  }
}
