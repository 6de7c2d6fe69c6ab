package org.megaeth.rpc.method.net;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code net_version}: the network id, which is the chain id, in decimal. */
public final class NetVersion implements JsonRpcMethod {
  private final ChainReader chain;

  public NetVersion(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.NET_VERSION;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Long.toString(chain.chainConfig().chainId()));
  }
}
