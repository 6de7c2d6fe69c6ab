package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.block.Block;
import org.megaeth.rpc.chain.Senders;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_getTransactionByHash}: the transaction once its block is sealed (null before, so a
 * client never sees a {@code blockHash} that could change).
 */
public final class EthGetTransactionByHash implements JsonRpcMethod {
  private final ChainReader chain;
  private final Senders senders;

  public EthGetTransactionByHash(ChainReader chain, Senders senders) {
    this.chain = chain;
    this.senders = senders;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_BY_HASH;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Optional<TransactionLocation> location =
        chain.transactionLocation(request.params().atMost(1).hash(0));
    if (location.isEmpty()) {
      return Json.nullNode();
    }
    Optional<Block> block = chain.block(location.get().blockHash());
    if (block.isEmpty()) {
      return Json.nullNode();
    }
    return BlockTransactions.format(
        block.get(), location.get().blockHash(), location.get().index(), senders);
  }
}
