package org.megaeth.loadgen.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request, serialized once: the load's requests are built before the clock starts so that sending
 * one costs no JSON work.
 *
 * @param id the JSON-RPC id; unique among the requests in flight on one client
 * @param body the whole request object as JSON text
 */
public record RpcCall(long id, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Ids of the pre-built load are its indexes; other calls count from here so they never clash. */
  static final long FIRST_CONTROL_ID = 1L << 40;

  private static final AtomicLong CONTROL_IDS = new AtomicLong(FIRST_CONTROL_ID);

  /** A request with an id above every load index, unique in this process. */
  public static RpcCall control(String method, List<?> params) {
    return of(CONTROL_IDS.getAndIncrement(), method, params);
  }

  /** {@code {"jsonrpc":"2.0","id":id,"method":method,"params":params}}. */
  public static RpcCall of(long id, String method, List<?> params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    try {
      return new RpcCall(id, JSON.writeValueAsString(request));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize the parameters of " + method, e);
    }
  }
}
