package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.chain.Fees;
import org.megaeth.rpc.chain.GasPriceOracle;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_gasPrice}: a legacy gas price that gets a transaction in: the suggested tip plus the
 * base fee of the block being built.
 */
public final class EthGasPrice implements JsonRpcMethod {
  private final ChainReader chain;
  private final GasPriceOracle oracle;

  public EthGasPrice(ChainReader chain, GasPriceOracle oracle) {
    this.chain = chain;
    this.oracle = oracle;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GAS_PRICE;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Hexes.quantity(oracle.suggestTip().add(Fees.nextBaseFee(chain.head()))));
  }
}
