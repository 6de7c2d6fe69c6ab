package org.megaeth.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A request that cannot be answered with a result: carries the JSON-RPC error to return. Checked,
 * because every method may end this way and the dispatcher turns it into an error response.
 */
public final class JsonRpcException extends Exception {
  private final transient JsonRpcError error;

  public JsonRpcException(JsonRpcError error) {
    // No stack trace: this is an answer to the client, not a bug, and never leaves the process.
    super(error.message(), null, false, false);
    this.error = error;
  }

  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(JsonRpcError.invalidParams(message));
  }

  public static JsonRpcException server(String message) {
    return new JsonRpcException(JsonRpcError.server(message));
  }

  public static JsonRpcException of(int code, String message) {
    return new JsonRpcException(JsonRpcError.of(code, message));
  }

  public static JsonRpcException withData(int code, String message, JsonNode data) {
    return new JsonRpcException(new JsonRpcError(code, message, Optional.of(data)));
  }

  public JsonRpcError error() {
    return error;
  }
}
