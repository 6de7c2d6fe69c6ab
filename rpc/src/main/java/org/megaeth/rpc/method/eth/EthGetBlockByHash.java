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
import org.megaeth.rpc.format.BlockFacts;
import org.megaeth.rpc.format.BlockJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/** {@code eth_getBlockByHash}: a sealed block, with transaction hashes or objects. */
public final class EthGetBlockByHash implements JsonRpcMethod {
  private final ChainReader chain;
  private final Senders senders;
  private final BlockFacts facts;

  public EthGetBlockByHash(ChainReader chain, Senders senders, BlockFacts facts) {
    this.facts = facts;
    this.chain = chain;
    this.senders = senders;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BLOCK_BY_HASH;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    Hash hash = params.hash(0);
    params.required(1);
    boolean full = params.bool(1, false);
    Optional<Block> block = chain.block(hash);
    if (block.isEmpty()) {
      return Json.nullNode();
    }
    Block b = block.get();
    return BlockJson.block(b, hash, facts.of(b, hash), full, i -> senders.sender(b, hash, i));
  }
}
