package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_blockNumber}: the newest sealed block. Mini-blocks do not count, so a client that then
 * asks for this block gets it.
 */
public final class EthBlockNumber implements JsonRpcMethod {
  private final ChainReader chain;

  public EthBlockNumber(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_BLOCK_NUMBER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Hexes.quantity(chain.head().number()));
  }
}
