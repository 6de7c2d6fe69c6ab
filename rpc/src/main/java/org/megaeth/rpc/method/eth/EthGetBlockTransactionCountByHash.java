package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_getBlockTransactionCountByHash}; null for an unknown block. */
public final class EthGetBlockTransactionCountByHash implements JsonRpcMethod {
  private final ChainReader chain;

  public EthGetBlockTransactionCountByHash(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_TRANSACTION_COUNT_BY_HASH;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    return chain
        .block(request.params().atMost(1).hash(0))
        .<JsonNode>map(b -> Json.text(Hexes.quantity(b.body().transactions().size())))
        .orElse(Json.nullNode());
  }
}
