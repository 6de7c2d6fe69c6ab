package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getUncleByBlockHashAndIndex} and {@code eth_getUncleByBlockNumberAndIndex}: always
 * null, as no block has uncles.
 */
public final class EthGetUncleByIndex implements JsonRpcMethod {
  private final RpcMethod name;

  private EthGetUncleByIndex(RpcMethod name) {
    this.name = name;
  }

  public static EthGetUncleByIndex byHash() {
    return new EthGetUncleByIndex(RpcMethod.ETH_GET_UNCLE_BY_BLOCK_HASH_AND_INDEX);
  }

  public static EthGetUncleByIndex byNumber() {
    return new EthGetUncleByIndex(RpcMethod.ETH_GET_UNCLE_BY_BLOCK_NUMBER_AND_INDEX);
  }

  @Override
  public RpcMethod method() {
    return name;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    if (name == RpcMethod.ETH_GET_UNCLE_BY_BLOCK_HASH_AND_INDEX) {
      params.hash(0);
    } else {
      BlockNumbers.numberOrTag(params, 0);
    }
    params.quantity(1);
    return Json.nullNode();
  }
}
