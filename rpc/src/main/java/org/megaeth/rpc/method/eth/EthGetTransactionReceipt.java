package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.rpc.chain.BlockReceipts;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.ReceiptJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_getTransactionReceipt}: the final receipt, once the block is sealed; null before.
 * Preconfirmed receipts come from {@code eth_sendRawTransactionSync} and the {@code miniBlocks}
 * subscription.
 */
public final class EthGetTransactionReceipt implements JsonRpcMethod {
  private final ChainReader chain;
  private final BlockReceipts receipts;

  public EthGetTransactionReceipt(ChainReader chain, BlockReceipts receipts) {
    this.chain = chain;
    this.receipts = receipts;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_TRANSACTION_RECEIPT;
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
    Optional<TransactionResult> result =
        receipts.result(block.get(), location.get().blockHash(), location.get().index());
    return result.<JsonNode>map(ReceiptJson::format).orElse(Json.nullNode());
  }
}
