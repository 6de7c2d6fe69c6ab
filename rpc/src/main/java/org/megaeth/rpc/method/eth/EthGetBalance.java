package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.StateView;
import org.megaeth.core.types.Address;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.Params;

/** {@code eth_getBalance}: at {@code latest}/{@code pending}, after the newest mini-block. */
public final class EthGetBalance implements JsonRpcMethod {
  private final BlockResolver blocks;

  public EthGetBalance(BlockResolver blocks) {
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_BALANCE;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(2);
    Address address = params.address(0);
    BlockParameter block = params.blockOr(1, BlockParameter.Tag.LATEST);
    try (StateView state = blocks.state(block)) {
      return Json.text(Hexes.quantity(state.balance(address)));
    }
  }
}
