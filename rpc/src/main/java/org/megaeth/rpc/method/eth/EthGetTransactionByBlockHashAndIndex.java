package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.Block;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.chain.Senders;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/** {@code eth_getTransactionByBlockHashAndIndex}. */
public final class EthGetTransactionByBlockHashAndIndex implements JsonRpcMethod {
  private final ChainReader chain;
  private final Senders senders;

  public EthGetTransactionByBlockHashAndIndex(ChainReader chain, Senders senders) {
    this.chain = chain;
    this.senders = senders;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_BY_BLOCK_HASH_AND_INDEX;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    Hash blockHash = params.hash(0);
    long index = params.quantity(1);
    Optional<Block> block = chain.block(blockHash);
    return block.isEmpty()
        ? Json.nullNode()
        : BlockTransactions.format(block.get(), blockHash, index, senders);
  }
}
