package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.chain.Senders;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.BlockFacts;
import org.megaeth.rpc.format.BlockJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getBlockByNumber}: a sealed block, with transaction hashes or objects; {@code latest}
 * and {@code pending} are the newest sealed block.
 */
public final class EthGetBlockByNumber implements JsonRpcMethod {
  private final BlockResolver blocks;
  private final Senders senders;
  private final BlockFacts facts;

  public EthGetBlockByNumber(BlockResolver blocks, Senders senders, BlockFacts facts) {
    this.facts = facts;
    this.blocks = blocks;
    this.senders = senders;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_BY_NUMBER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    var number = BlockNumbers.numberOrTag(params, 0);
    params.required(1);
    boolean full = params.bool(1, false);
    Optional<BlockResolver.HashedBlock> found = blocks.block(number);
    if (found.isEmpty()) {
      return Json.nullNode();
    }
    BlockResolver.HashedBlock b = found.get();
    return BlockJson.block(
        b.block(),
        b.hash(),
        facts.of(b.block(), b.hash()),
        full,
        i -> senders.sender(b.block(), b.hash(), i));
  }
}
