package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.filter.FilterSpec;
import org.megaeth.rpc.filter.FilterSpecParser;
import org.megaeth.rpc.filter.LogFilter;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;
import org.megaeth.rpc.subscription.SubscriptionManager;

/**
 * {@code eth_subscribe} over WebSocket: {@code newHeads} (sealed headers), {@code logs} (from
 * sealed blocks, or from mini-blocks when {@code fromBlock} or {@code toBlock} is {@code pending}),
 * {@code newPendingTransactions} (hashes) and MegaETH's {@code miniBlocks}.
 */
public final class EthSubscribe implements JsonRpcMethod {
  private final SubscriptionManager subscriptions;

  public EthSubscribe(SubscriptionManager subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_SUBSCRIBE;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    if (!request.connection().canPush()) {
      throw JsonRpcException.of(
          JsonRpcError.NOTIFICATIONS_UNSUPPORTED, "notifications not supported");
    }
    Params params = request.params().atMost(2);
    JsonNode nameNode = params.required(0);
    if (!nameNode.isTextual()) {
      throw Params.invalid(0, "subscription name must be a string");
    }
    String name = nameNode.asText();
    Optional<SubscriptionManager.Kind> kind = SubscriptionManager.Kind.fromWireName(name);
    if (kind.isEmpty()) {
      throw JsonRpcException.of(
          JsonRpcError.METHOD_NOT_FOUND, "no \"" + name + "\" subscription in eth namespace");
    }
    LogFilter filter = LogFilter.ANY;
    boolean pending = false;
    switch (kind.get()) {
      case LOGS -> {
        Optional<JsonNode> options = params.optional(1);
        if (options.isPresent()) {
          FilterSpec spec = params.parse(1, () -> FilterSpecParser.parse(options.get()));
          if (spec.blockHash().isPresent()) {
            throw Params.invalid(
                1, "a logs subscription follows new blocks; blockHash is not allowed");
          }
          filter = spec.criteria();
          pending = spec.followsPending();
        }
      }
      case NEW_PENDING_TRANSACTIONS -> {
        if (params.bool(1, false)) {
          throw Params.invalid(1, "full pending transactions are not supported");
        }
      }
      default -> params.atMost(1);
    }
    return Json.text(subscriptions.subscribe(request.connection(), kind.get(), filter, pending));
  }
}
