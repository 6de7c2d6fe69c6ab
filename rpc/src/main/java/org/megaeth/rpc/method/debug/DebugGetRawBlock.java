package org.megaeth.rpc.method.debug;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;

/** {@code debug_getRawBlock}: the block's RLP encoding. */
public final class DebugGetRawBlock implements JsonRpcMethod {
  private final BlockResolver blocks;

  public DebugGetRawBlock(BlockResolver blocks) {
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.DEBUG_GET_RAW_BLOCK;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    BlockParameter block = request.params().atMost(1).block(0);
    Optional<BlockResolver.HashedBlock> found = blocks.block(block);
    if (found.isEmpty()) {
      throw JsonRpcException.server(Missing.describe("block", block));
    }
    return Json.text(Hexes.data(found.get().block().encode()));
  }
}
