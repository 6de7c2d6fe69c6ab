package org.megaeth.rpc.method.web3;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code web3_clientVersion}: the node's name and version, shaped like geth's. */
public final class Web3ClientVersion implements JsonRpcMethod {
  private final String version;

  public Web3ClientVersion(String version) {
    this.version = version;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.WEB3_CLIENT_VERSION;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(version);
  }
}
