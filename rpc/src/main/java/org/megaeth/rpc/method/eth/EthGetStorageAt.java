package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.core.api.StateView;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.Hex;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.ParamException;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getStorageAt}: the slot as 32 bytes of data. The key is taken as geth takes it (up to
 * 32 bytes, left-padded), and its errors carry geth's words without the argument position.
 */
public final class EthGetStorageAt implements JsonRpcMethod {
  private final BlockResolver blocks;

  public EthGetStorageAt(BlockResolver blocks) {
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_STORAGE_AT;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(3);
    Address address = params.address(0);
    JsonNode keyNode = params.required(1);
    if (!keyNode.isTextual()) {
      params.parse(1, () -> HexParser.storageKey(keyNode));
    }
    BlockParameter block = params.blockOr(2, BlockParameter.Tag.LATEST);
    try (StateView state = blocks.state(block)) {
      // As geth: the block first, then the key, refused as a plain error in its words.
      HexParser.StorageKey key;
      try {
        key = HexParser.storageKey(keyNode.asText());
      } catch (ParamException e) {
        throw JsonRpcException.server("unable to decode storage key: " + e.getMessage());
      }
      return Json.text(Hex.encode(state.storage(address, key.key()).toBytes32()));
    }
  }
}
