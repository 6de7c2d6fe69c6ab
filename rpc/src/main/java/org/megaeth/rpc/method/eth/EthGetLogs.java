package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.evm.EvmExecutor;
import org.megaeth.rpc.filter.FilterSpec;
import org.megaeth.rpc.filter.FilterSpecParser;
import org.megaeth.rpc.filter.LogQuery;
import org.megaeth.rpc.format.LogJson;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getLogs} over sealed blocks ({@code pending} reads as {@code latest}: preconfirmed
 * logs come through {@code logs} subscriptions over {@code pending}). Runs on the bounded executor,
 * with the block range and result caps of {@link LogQuery}.
 */
public final class EthGetLogs implements JsonRpcMethod {
  private final LogQuery query;
  private final EvmExecutor pool;

  public EthGetLogs(LogQuery query, EvmExecutor pool) {
    this.query = query;
    this.pool = pool;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_LOGS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(1);
    JsonNode filter = params.required(0);
    FilterSpec spec = params.parse(0, () -> FilterSpecParser.parse(filter));
    return pool.run(deadline -> LogJson.formatAll(query.run(spec)));
  }
}
