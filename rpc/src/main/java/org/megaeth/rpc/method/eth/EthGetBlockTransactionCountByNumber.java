package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_getBlockTransactionCountByNumber}; null for an unknown block. */
public final class EthGetBlockTransactionCountByNumber implements JsonRpcMethod {
  private final BlockResolver blocks;

  public EthGetBlockTransactionCountByNumber(BlockResolver blocks) {
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_TRANSACTION_COUNT_BY_NUMBER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    var number = BlockNumbers.numberOrTag(request.params().atMost(1), 0);
    return blocks
        .block(number)
        .<JsonNode>map(b -> Json.text(Hexes.quantity(b.block().body().transactions().size())))
        .orElse(Json.nullNode());
  }
}
