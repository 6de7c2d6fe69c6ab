package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import org.megaeth.core.api.StateView;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.types.Address;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getTransactionCount}: the account nonce; at {@code latest}, after the newest
 * mini-block; at {@code pending}, also counting the transactions this node accepted that no
 * mini-block has run yet (as geth counts its pool), which wallets use for the next nonce.
 */
public final class EthGetTransactionCount implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final TransactionSink pool;

  public EthGetTransactionCount(BlockResolver blocks, TransactionSink pool) {
    this.blocks = blocks;
    this.pool = pool;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_COUNT;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    Address address = params.address(0);
    BlockParameter block = params.blockOr(1, BlockParameter.Tag.LATEST);
    try (StateView state = blocks.state(block)) {
      long nonce = state.nonce(address);
      if (block == BlockParameter.Tag.PENDING) {
        OptionalLong pooled = pool.pendingNonce(address);
        if (pooled.isPresent() && Long.compareUnsigned(pooled.getAsLong(), nonce) > 0) {
          nonce = pooled.getAsLong();
        }
      }
      return Json.text(Hexes.unsignedQuantity(nonce));
    }
  }
}
