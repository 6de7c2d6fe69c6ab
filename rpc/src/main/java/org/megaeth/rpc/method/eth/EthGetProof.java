package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.api.StateView;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.ParamException;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_getProof} (EIP-1186). Proofs must verify against a header's state root, so {@code
 * latest} and {@code pending} mean the newest sealed block here, not the newest mini-block.
 */
public final class EthGetProof implements JsonRpcMethod {
  /** geth's limit on the slots of one request. */
  private static final int MAX_KEYS = 1024;

  private final BlockResolver blocks;

  public EthGetProof(BlockResolver blocks) {
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_GET_PROOF;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    Params params = request.params().atMost(3);
    Address address = params.address(0);
    JsonNode keysNode = params.required(1);
    if (!keysNode.isArray()) {
      throw Params.invalid(1, "storage keys must be an array");
    }
    if (keysNode.size() > MAX_KEYS) {
      throw JsonRpcException.invalidParams("too many storage keys: at most " + MAX_KEYS);
    }
    List<HexParser.StorageKey> keys = new ArrayList<>();
    for (JsonNode k : keysNode) {
      if (!k.isTextual()) {
        params.parse(1, () -> HexParser.storageKey(k));
      }
      try {
        keys.add(HexParser.storageKey(k.asText()));
      } catch (ParamException e) {
        throw JsonRpcException.server(e.getMessage()); // geth: decodeHash's error, as it is
      }
    }
    BlockParameter block = params.blockOr(2, BlockParameter.Tag.LATEST);
    try (StateView state = blocks.sealedState(block)) {
      Optional<AccountProof> proof =
          state.proof(address, keys.stream().map(HexParser.StorageKey::key).toList());
      if (proof.isEmpty()) {
        throw JsonRpcException.server("proofs are not available for this state");
      }
      return format(proof.get(), keys);
    }
  }

  private static JsonNode format(AccountProof proof, List<HexParser.StorageKey> keys) {
    ObjectNode node = Json.object();
    node.put("address", proof.address().toHexString());
    node.set("accountProof", nodes(proof.accountProof()));
    node.put("balance", Hexes.quantity(proof.balance()));
    node.put("codeHash", proof.codeHash().toHexString());
    node.put("nonce", Hexes.unsignedQuantity(proof.nonce()));
    node.put("storageHash", proof.storageHash().toHexString());
    ArrayNode storage = node.putArray("storageProof");
    for (int i = 0; i < proof.storageProof().size(); i++) {
      AccountProof.StorageProof slot = proof.storageProof().get(i);
      ObjectNode s = storage.addObject();
      // geth echoes a 32-byte key as data and any shorter one as a quantity.
      UInt256 key = slot.key();
      s.put("key", keys.get(i).length() == 32 ? Hex.encode(key.toBytes32()) : key.toHexString());
      s.put("value", Hexes.quantity(slot.value()));
      s.set("proof", nodes(slot.proof()));
    }
    return node;
  }

  private static ArrayNode nodes(List<Bytes> nodes) {
    ArrayNode array = Json.array();
    nodes.forEach(n -> array.add(Hexes.data(n)));
    return array;
  }
}
