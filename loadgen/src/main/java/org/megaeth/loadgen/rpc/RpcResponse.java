package org.megaeth.loadgen.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** One JSON-RPC 2.0 response: a result, or an error object. */
public sealed interface RpcResponse {
  /** The request id the response answers. */
  long id();

  /** A successful call; {@code value} is JSON {@code null} for e.g. an unknown receipt. */
  record Result(long id, JsonNode value) implements RpcResponse {}

  /**
   * A call the node refused or failed.
   *
   * @param data the error's {@code data} member, JSON {@code null} when absent
   */
  record Error(long id, int code, String message, JsonNode data) implements RpcResponse {
    @Override
    public String toString() {
      return message + " (code " + code + ")";
    }
  }

  /**
   * Reads a response object.
   *
   * @throws IllegalArgumentException when {@code node} is not a JSON-RPC response with a numeric id
   */
  static RpcResponse of(JsonNode node) {
    JsonNode id = node.get("id");
    if (id == null || !id.canConvertToLong()) {
      throw new IllegalArgumentException("not a JSON-RPC response with a numeric id: " + node);
    }
    JsonNode error = node.get("error");
    if (error != null && !error.isNull()) {
      return new Error(
          id.asLong(),
          error.path("code").asInt(),
          error.path("message").asText(""),
          error.has("data") ? error.get("data") : NullNode.getInstance());
    }
    JsonNode result = node.get("result");
    return new Result(id.asLong(), result == null ? NullNode.getInstance() : result);
  }
}
