package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_chainId}: the EIP-155 chain id. */
public final class EthChainId implements JsonRpcMethod {
  private final ChainReader chain;

  public EthChainId(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_CHAIN_ID;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Hexes.quantity(chain.chainConfig().chainId()));
  }
}
