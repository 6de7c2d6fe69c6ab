package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.rpc.chain.BlockReceipts;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.ReceiptJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_getBlockReceipts}: every receipt of a sealed block; null for an unknown block. */
public final class EthGetBlockReceipts implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final BlockReceipts receipts;

  public EthGetBlockReceipts(BlockResolver blocks, BlockReceipts receipts) {
    this.blocks = blocks;
    this.receipts = receipts;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_RECEIPTS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Optional<BlockResolver.HashedBlock> block = blocks.block(request.params().atMost(1).block(0));
    if (block.isEmpty()) {
      return Json.nullNode();
    }
    Optional<List<TransactionResult>> results =
        receipts.results(block.get().block(), block.get().hash());
    if (results.isEmpty()) {
      return Json.nullNode();
    }
    return ReceiptJson.formatAll(results.get());
  }
}
