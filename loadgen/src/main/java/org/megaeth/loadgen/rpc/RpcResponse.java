package org.megaeth.loadgen.rpc;

import com.fasterxml.jackson.databind.JsonNode;

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
}
