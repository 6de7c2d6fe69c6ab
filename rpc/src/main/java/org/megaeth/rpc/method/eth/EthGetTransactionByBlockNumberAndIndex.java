package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.chain.Senders;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/** {@code eth_getTransactionByBlockNumberAndIndex}. */
public final class EthGetTransactionByBlockNumberAndIndex implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final Senders senders;

  public EthGetTransactionByBlockNumberAndIndex(BlockResolver blocks, Senders senders) {
    this.blocks = blocks;
    this.senders = senders;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_BY_BLOCK_NUMBER_AND_INDEX;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    var block = BlockNumbers.numberOrTag(params, 0);
    long index = params.quantity(1);
    Optional<BlockResolver.HashedBlock> found = blocks.block(block);
    return found.isEmpty()
        ? Json.nullNode()
        : BlockTransactions.format(found.get().block(), found.get().hash(), index, senders);
  }
}
