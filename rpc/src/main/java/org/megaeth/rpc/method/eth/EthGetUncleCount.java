package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getUncleCountByBlockHash} and {@code eth_getUncleCountByBlockNumber}: {@code 0x0} for
 * a known block (there are no uncles after the merge, nor on this L2), null for an unknown one.
 */
public final class EthGetUncleCount implements JsonRpcMethod {
  private final RpcMethod name;
  private final BlockResolver blocks;

  private EthGetUncleCount(RpcMethod name, BlockResolver blocks) {
    this.name = name;
    this.blocks = blocks;
  }

  public static EthGetUncleCount byHash(BlockResolver blocks) {
    return new EthGetUncleCount(RpcMethod.ETH_GET_UNCLE_COUNT_BY_BLOCK_HASH, blocks);
  }

  public static EthGetUncleCount byNumber(BlockResolver blocks) {
    return new EthGetUncleCount(RpcMethod.ETH_GET_UNCLE_COUNT_BY_BLOCK_NUMBER, blocks);
  }

  @Override
  public RpcMethod method() {
    return name;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(1);
    BlockParameter block =
        name == RpcMethod.ETH_GET_UNCLE_COUNT_BY_BLOCK_HASH
            ? new BlockParameter.ByHash(params.hash(0), false)
            : BlockNumbers.numberOrTag(params, 0);
    Optional<BlockHeader> header = blocks.header(block);
    return header.isPresent() ? Json.text("0x0") : Json.nullNode();
  }
}
