package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.util.Hex;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.evm.EvmCalls;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_call} with state and block overrides; at {@code latest}/{@code pending}, on the newest
 * mini-block's state. A revert is error 3 with the reason and data, as in geth.
 */
public final class EthCall implements JsonRpcMethod {
  private final EvmCalls evm;

  public EthCall(EvmCalls evm) {
    this.evm = evm;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_CALL;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    CallParams call = CallParams.parse(request.params());
    byte[] output = evm.call(call.args(), call.block(), call.overrides(), call.blockOverrides());
    return Json.text(Hex.encode(output));
  }
}
