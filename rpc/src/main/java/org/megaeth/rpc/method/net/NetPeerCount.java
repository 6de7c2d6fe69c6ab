package org.megaeth.rpc.method.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.IntSupplier;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code net_peerCount}: connected p2p peers, as a quantity. */
public final class NetPeerCount implements JsonRpcMethod {
  private final IntSupplier peers;

  public NetPeerCount(IntSupplier peers) {
    this.peers = peers;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.NET_PEER_COUNT;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(Hexes.quantity(peers.getAsInt()));
  }
}
