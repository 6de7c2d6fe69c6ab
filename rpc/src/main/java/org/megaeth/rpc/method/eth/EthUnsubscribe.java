package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.subscription.SubscriptionManager;

/**
 * {@code eth_unsubscribe}: true if this connection had the subscription; as geth, an id it does not
 * have (any id over HTTP, which has none) is {@code -32000 subscription not found}.
 */
public final class EthUnsubscribe implements JsonRpcMethod {
  private final SubscriptionManager subscriptions;

  public EthUnsubscribe(SubscriptionManager subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_UNSUBSCRIBE;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    String id = FilterIds.parse(request.params().atMost(1));
    if (!request.connection().canPush() || !subscriptions.unsubscribe(request.connection(), id)) {
      throw JsonRpcException.server("subscription not found");
    }
    return Json.bool(true);
  }
}
