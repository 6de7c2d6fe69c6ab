package org.megaeth.rpc.method.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.dispatch.JsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.format.Hexes;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;

/**
 * {@code debug_executionWitness}: the witness the node kept for a sealed block, in reth's form:
 * {@code {state, codes, keys, headers}}, each a list of hex strings, the headers RLP-encoded.
 */
public final class DebugExecutionWitness implements JsonRpcMethod {
  private final ChainReader chain;
  private final BlockResolver blocks;

  public DebugExecutionWitness(ChainReader chain, BlockResolver blocks) {
    this.chain = chain;
    this.blocks = blocks;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.DEBUG_EXECUTION_WITNESS;
  }

  @Override
  public JsonNode execute(RpcRequest request) throws JsonRpcException {
    BlockParameter block = request.params().atMost(1).block(0);
    Optional<BlockHeader> header = blocks.header(block);
    if (header.isEmpty()) {
      throw JsonRpcException.server(Missing.describe("block", block));
    }
    Optional<ExecutionWitness> witness = chain.witness(header.get().hash());
    if (witness.isEmpty()) {
      throw JsonRpcException.server(
          "the execution witness of block " + header.get().number() + " is not kept");
    }
    ExecutionWitness w = witness.get();
    ObjectNode node = Json.object();
    node.set("state", hex(w.state()));
    node.set("codes", hex(w.codes()));
    node.set("keys", hex(w.keys()));
    ArrayNode headers = node.putArray("headers");
    w.headers().forEach(h -> headers.add(Hexes.data(h.encode())));
    return node;
  }

  private static ArrayNode hex(List<Bytes> items) {
    ArrayNode array = Json.array();
    items.forEach(b -> array.add(Hexes.data(b)));
    return array;
  }
}
