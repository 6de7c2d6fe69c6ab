package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.chain.GasPriceOracle;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_maxPriorityFeePerGas}: the suggested tip. */
public final class EthMaxPriorityFeePerGas implements JsonRpcMethod {
  private final GasPriceOracle oracle;

  public EthMaxPriorityFeePerGas(GasPriceOracle oracle) {
    this.oracle = oracle;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_MAX_PRIORITY_FEE_PER_GAS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Hexes.quantity(oracle.suggestTip()));
  }
}
