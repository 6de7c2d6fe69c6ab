package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.filter.FilterSpec;
import org.megaeth.rpc.filter.FilterSpecParser;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_newFilter}: a log filter polled with {@code eth_getFilterChanges}; over {@code
 * pending} it collects preconfirmed (mini-block) logs.
 */
public final class EthNewFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthNewFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_NEW_FILTER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(1);
    JsonNode filter = params.required(0);
    FilterSpec spec = params.parse(0, () -> FilterSpecParser.parse(filter));
    return Json.text(filters.newLogFilter(spec));
  }
}
