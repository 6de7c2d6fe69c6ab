package org.megaeth.rpc.method.web3;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code web3_sha3}: keccak-256 of the given data. */
public final class Web3Sha3 implements JsonRpcMethod {
  @Override
  public RpcMethod method() {
    return RpcMethod.WEB3_SHA3;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    return Json.text(Keccak.hash(request.params().atMost(1).data(0)).toHexString());
  }
}
