package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.block.Block;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_getRawTransactionByHash} (and, with another name, {@code debug_getRawTransaction}):
 * the canonical encoding of a sealed transaction.
 */
public final class EthGetRawTransactionByHash implements JsonRpcMethod {
  private final RpcMethod name;
  private final ChainReader chain;

  public EthGetRawTransactionByHash(RpcMethod name, ChainReader chain) {
    this.name = name;
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return name;
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
    return Json.text(
        Hexes.data(block.get().body().transactions().get(location.get().index()).encoded()));
  }
}
