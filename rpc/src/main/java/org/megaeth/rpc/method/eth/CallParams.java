package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.rpc.evm.BlockOverrides;
import org.megaeth.rpc.evm.CallArgs;
import org.megaeth.rpc.evm.CallArgsParser;
import org.megaeth.rpc.evm.OverridesParser;
import org.megaeth.rpc.evm.StateOverride;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;
import org.megaeth.rpc.params.Params;

/**
 * The shared parameters of {@code eth_call} and {@code eth_estimateGas}: {@code [transaction,
 * block?, stateOverrides?, blockOverrides?]}.
 */
record CallParams(
    CallArgs args,
    BlockParameter block,
    Map<Address, StateOverride> overrides,
    BlockOverrides blockOverrides) {

  static CallParams parse(Params params) throws JsonRpcException {
    params.atMost(4);
    JsonNode tx = params.required(0);
    CallArgs args = params.parse(0, () -> CallArgsParser.parse(tx));
    BlockParameter block = params.blockOr(1, BlockParameter.Tag.LATEST);
    Optional<JsonNode> stateNode = params.optional(2);
    Map<Address, StateOverride> overrides =
        stateNode.isEmpty()
            ? Map.of()
            : params.parse(2, () -> OverridesParser.stateOverrides(stateNode.get()));
    Optional<JsonNode> blockNode = params.optional(3);
    BlockOverrides blockOverrides =
        blockNode.isEmpty()
            ? BlockOverrides.NONE
            : params.parse(3, () -> OverridesParser.blockOverrides(blockNode.get()));
    return new CallParams(args, block, overrides, blockOverrides);
  }
}
