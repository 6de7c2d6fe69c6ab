package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_getFilterChanges}: what the filter collected since the last poll. */
public final class EthGetFilterChanges implements JsonRpcMethod {
  private final FilterManager filters;

  public EthGetFilterChanges(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_FILTER_CHANGES;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    return filters.changes(FilterIds.parse(request.params().atMost(1)));
  }
}
