package org.megaeth.rpc.method.net;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code net_listening}: true, as the node answering is listening. */
public final class NetListening implements JsonRpcMethod {
  @Override
  public RpcMethod method() {
    return RpcMethod.NET_LISTENING;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.bool(true);
  }
}
