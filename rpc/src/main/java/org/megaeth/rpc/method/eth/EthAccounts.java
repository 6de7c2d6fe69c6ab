package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_accounts}: always empty; the node holds no user keys and signs nothing. */
public final class EthAccounts implements JsonRpcMethod {
  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_ACCOUNTS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.array();
  }
}
