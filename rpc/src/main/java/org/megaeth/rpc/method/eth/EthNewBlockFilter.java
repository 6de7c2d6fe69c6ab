package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_newBlockFilter}: collects the hashes of newly sealed blocks. */
public final class EthNewBlockFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthNewBlockFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_NEW_BLOCK_FILTER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(0);
    return Json.text(filters.newBlockFilter());
  }
}
