package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.evm.EvmCalls;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_estimateGas}: geth's binary search; a call that cannot succeed gets its error. */
public final class EthEstimateGas implements JsonRpcMethod {
  private final EvmCalls evm;

  public EthEstimateGas(EvmCalls evm) {
    this.evm = evm;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_ESTIMATE_GAS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    CallParams call = CallParams.parse(request.params());
    long gas = evm.estimateGas(call.args(), call.block(), call.overrides(), call.blockOverrides());
    return Json.text(Hexes.unsignedQuantity(gas));
  }
}
