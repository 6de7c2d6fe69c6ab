package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.megaeth.core.api.ChainReader;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_syncing}: false when in sync, else the catch-up progress. */
public final class EthSyncing implements JsonRpcMethod {
  private final ChainReader chain;

  public EthSyncing(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_SYNCING;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    Optional<ChainReader.SyncProgress> progress = chain.syncProgress();
    if (progress.isEmpty()) {
      return Json.bool(false);
    }
    ObjectNode node = Json.object();
    node.put("startingBlock", Hexes.quantity(progress.get().startingBlock()));
    node.put("currentBlock", Hexes.quantity(progress.get().currentBlock()));
    node.put("highestBlock", Hexes.quantity(progress.get().highestBlock()));
    return node;
  }
}
