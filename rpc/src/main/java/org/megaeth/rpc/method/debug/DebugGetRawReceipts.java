package org.megaeth.rpc.method.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;

/** {@code debug_getRawReceipts}: each receipt's consensus encoding (EIP-2718 typed). */
public final class DebugGetRawReceipts implements JsonRpcMethod {
  private final ChainReader chain;
  private final BlockResolver blocks;

  public DebugGetRawReceipts(ChainReader chain, BlockResolver blocks) {
    this.chain = chain;
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.DEBUG_GET_RAW_RECEIPTS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    BlockParameter block = request.params().atMost(1).block(0);
    Optional<BlockHeader> header = blocks.header(block);
    Optional<List<Receipt>> receipts = header.flatMap(h -> chain.receipts(h.hash()));
    if (receipts.isEmpty()) {
      throw JsonRpcException.server(Missing.describe("receipts of block", block));
    }
    ArrayNode array = Json.array();
    receipts.get().forEach(r -> array.add(Hexes.data(r.encode())));
    return array;
  }
}
