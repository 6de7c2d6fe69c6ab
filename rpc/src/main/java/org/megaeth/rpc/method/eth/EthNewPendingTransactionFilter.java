package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * {@code eth_newPendingTransactionFilter}: collects the hashes of transactions entering the pool.
 */
public final class EthNewPendingTransactionFilter implements JsonRpcMethod {
  private final FilterManager filters;

  public EthNewPendingTransactionFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_NEW_PENDING_TRANSACTION_FILTER;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    request.params().atMost(1);
    if (request.params().bool(0, false)) {
      throw JsonRpcException.invalidParams("full pending transactions are not supported");
    }
    return Json.text(filters.newPendingTransactionFilter());
  }
}
