package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.evm.EvmExecutor;
import org.megaeth.rpc.filter.FilterManager;
import org.megaeth.rpc.format.LogJson;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_getFilterLogs}: every log a log filter matches now, as {@code eth_getLogs} would. */
public final class EthGetFilterLogs implements JsonRpcMethod {
  private final FilterManager filters;
  private final EvmExecutor pool;

  public EthGetFilterLogs(FilterManager filters, EvmExecutor pool) {
    this.filters = filters;
    this.pool = pool;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_FILTER_LOGS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    String id = FilterIds.parse(request.params().atMost(1));
    return pool.run(deadline -> LogJson.formatAll(filters.logs(id)));
  }
}
