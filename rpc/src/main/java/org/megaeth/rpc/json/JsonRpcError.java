package org.megaeth.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON-RPC error object: code, message and optional data. The codes of the JSON-RPC 2.0 spec are
 * used exactly as it defines them; the others follow geth (and, for limits, the providers' {@code
 * -32005}), because clients match on them.
 */
public record JsonRpcError(int code, String message, Optional<JsonNode> data) {
  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;

  /** The JSON sent is not a valid request object. */
  public static final int INVALID_REQUEST = -32600;

  /** The method does not exist or is not available. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Invalid method parameters. */
  public static final int INVALID_PARAMS = -32602;

  /** Internal JSON-RPC error. */
  public static final int INTERNAL_ERROR = -32603;

  /** geth's generic server error: unknown block, execution and admission failures. */
  public static final int SERVER_ERROR = -32000;

  /**
   * geth: subscriptions over a transport that cannot push ({@code notifications not supported}).
   */
  public static final int NOTIFICATIONS_UNSUPPORTED = -32001;

  /** geth: a response larger than the configured limit. */
  public static final int RESPONSE_TOO_LARGE = -32003;

  /**
   * A request over a limit (log range, results, busy EVM pool), as Infura and Alchemy report it.
   */
  public static final int LIMIT_EXCEEDED = -32005;

  /** geth: {@code execution reverted}, with the revert data in {@code data}. */
  public static final int EXECUTION_REVERTED = 3;

  /** EIP-7966: {@code eth_sendRawTransactionSync} timed out before the receipt was ready. */
  public static final int SYNC_TIMEOUT = 4;

  public JsonRpcError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(data, "data");
  }

  public static JsonRpcError of(int code, String message) {
    return new JsonRpcError(code, message, Optional.empty());
  }

  public static JsonRpcError parseError() {
    return of(PARSE_ERROR, "parse error");
  }

  public static JsonRpcError invalidRequest(String why) {
    return of(INVALID_REQUEST, why);
  }

  public static JsonRpcError methodNotFound(String method) {
    return of(METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  public static JsonRpcError invalidParams(String message) {
    return of(INVALID_PARAMS, message);
  }

  public static JsonRpcError internal() {
    return of(INTERNAL_ERROR, "internal error");
  }

  public static JsonRpcError server(String message) {
    return of(SERVER_ERROR, message);
  }

  /** This error as the {@code error} member of a response. */
  public JsonNode toJson() {
    var node = Json.object();
    node.put("code", code);
    node.put("message", message);
    data.ifPresent(d -> node.set("data", d));
    return node;
  }
}
