package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_uninstallFilter}: true if the filter existed. */
public final class EthUninstallFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthUninstallFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_UNINSTALL_FILTER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    return Json.bool(filters.uninstall(FilterIds.parse(request.params().atMost(1))));
  }
}
