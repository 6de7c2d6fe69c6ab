package org.megaeth.loadgen.rpc;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-RPC batch, serialized once: like its calls, the load's batches are put together before the
 * clock starts, so that sending one costs no string work.
 *
 * @param calls the calls, in the order their responses are returned
 * @param body the whole batch as JSON text, an array of the calls' bodies
 */
public record RpcBatch(List<RpcCall> calls, String body) {
  public RpcBatch {
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("a JSON-RPC batch needs at least one call");
    }
    calls = List.copyOf(calls);
  }

  /** The batch of {@code calls}. */
  public static RpcBatch of(List<RpcCall> calls) {
    int length = 2;
    for (RpcCall call : calls) {
      length += call.body().length() + 1;
    }
    StringBuilder body = new StringBuilder(length).append('[');
    for (RpcCall call : calls) {
      body.append(body.length() > 1 ? "," : "").append(call.body());
    }
    return new RpcBatch(calls, body.append(']').toString());
  }

  /** The id of the call at {@code index}. */
  public long id(int index) {
    return calls.get(index).id();
  }

  public int size() {
    return calls.size();
  }

  /**
   * The responses to this batch in its calls' order: JSON-RPC lets a node answer a batch's calls in
   * any order, and most answer them in order, which costs nothing here.
   *
   * @throws RpcTransportException naming the first call the node left unanswered
   */
  List<RpcResponse> inCallOrder(List<RpcResponse> responses, URI endpoint) {
    int n = calls.size();
    boolean inOrder = responses.size() == n;
    for (int i = 0; inOrder && i < n; i++) {
      inOrder = responses.get(i).id() == id(i);
    }
    if (inOrder) {
      return responses;
    }
    Map<Long, RpcResponse> byId = new HashMap<>();
    for (RpcResponse response : responses) {
      byId.put(response.id(), response);
    }
    List<RpcResponse> ordered = new ArrayList<>(n);
    for (RpcCall call : calls) {
      RpcResponse response = byId.get(call.id());
      if (response == null) {
        throw new RpcTransportException(
            endpoint + " left request " + call.id() + " of a batch unanswered");
      }
      ordered.add(response);
    }
    return ordered;
  }
}
