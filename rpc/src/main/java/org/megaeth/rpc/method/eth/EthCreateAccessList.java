package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.evm.CallArgs;
import org.megaeth.rpc.evm.CallArgsParser;
import org.megaeth.rpc.evm.EvmCalls;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.format.TransactionJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_createAccessList}: the accounts and slots the call touches (without sender, recipient
 * and precompiles), the gas it uses with that list, and its failure, if it fails, in {@code error}.
 */
public final class EthCreateAccessList implements JsonRpcMethod {
  private final EvmCalls evm;

  public EthCreateAccessList(EvmCalls evm) {
    this.evm = evm;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_CREATE_ACCESS_LIST;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    JsonNode tx = params.required(0);
    CallArgs args = params.parse(0, () -> CallArgsParser.parse(tx));
    BlockParameter block = params.blockOr(1, BlockParameter.Tag.LATEST);
    EvmCalls.AccessListResult result = evm.createAccessList(args, block);
    ObjectNode node = Json.object();
    node.set("accessList", TransactionJson.accessList(result.accessList()));
    result.error().ifPresent(e -> node.put("error", e));
    node.put("gasUsed", Hexes.quantity(result.gasUsed()));
    return node;
  }
}
