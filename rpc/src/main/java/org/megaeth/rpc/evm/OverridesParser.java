package org.megaeth.rpc.evm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.ParamException;

/** Parses {@code eth_call}'s state override set and block overrides. */
public final class OverridesParser {
  private OverridesParser() {}

  public static Map<Address, StateOverride> stateOverrides(JsonNode node) throws ParamException {
    if (!node.isObject()) {
      throw new ParamException("state override set must be an object");
    }
    Map<Address, StateOverride> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      Address address =
          HexParser.address(com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()));
      overrides.put(address, account(address, entry.getValue()));
    }
    return overrides;
  }

  private static StateOverride account(Address address, JsonNode node) throws ParamException {
    if (!node.isObject()) {
      throw new ParamException("override of " + address.toHexString() + " must be an object");
    }
    Optional<Wei> balance = Optional.empty();
    Optional<Long> nonce = Optional.empty();
    Optional<org.apache.tuweni.bytes.Bytes> code = Optional.empty();
    Optional<Map<UInt256, UInt256>> state = Optional.empty();
    Optional<Map<UInt256, UInt256>> stateDiff = Optional.empty();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode v = field.getValue();
      if (v.isNull()) {
        continue;
      }
      switch (field.getKey()) {
        case "balance" -> balance = Optional.of(Wei.of(HexParser.uint256(v)));
        case "nonce" -> nonce = Optional.of(HexParser.uint64(v));
        case "code" -> code = Optional.of(HexParser.data(v));
        case "state" -> state = Optional.of(slots(v));
        case "stateDiff" -> stateDiff = Optional.of(slots(v));
        case "movePrecompileToAddress" ->
            throw new ParamException("movePrecompileToAddress is not supported");
        default -> throw new ParamException("unknown override field " + field.getKey());
      }
    }
    if (state.isPresent() && stateDiff.isPresent()) {
      throw new ParamException(
          "account " + address.toChecksumString() + " has both 'state' and 'stateDiff'");
    }
    return new StateOverride(balance, nonce, code, state, stateDiff);
  }

  private static Map<UInt256, UInt256> slots(JsonNode node) throws ParamException {
    if (!node.isObject()) {
      throw new ParamException("storage override must be an object");
    }
    Map<UInt256, UInt256> slots = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Hash key =
          HexParser.hash(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()));
      Hash value = HexParser.hash(field.getValue());
      slots.put(UInt256.fromBytes(key.toArray()), UInt256.fromBytes(value.toArray()));
    }
    return slots;
  }

  public static BlockOverrides blockOverrides(JsonNode node) throws ParamException {
    if (!node.isObject()) {
      throw new ParamException("block overrides must be an object");
    }
    Optional<Long> number = Optional.empty();
    Optional<Long> time = Optional.empty();
    Optional<Long> gasLimit = Optional.empty();
    Optional<Address> coinbase = Optional.empty();
    Optional<Hash> random = Optional.empty();
    Optional<Wei> baseFee = Optional.empty();
    Optional<Wei> blobBaseFee = Optional.empty();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode v = field.getValue();
      if (v.isNull()) {
        continue;
      }
      switch (field.getKey()) {
        case "number" -> number = Optional.of(HexParser.int63(v));
        case "time" -> time = Optional.of(HexParser.uint64(v));
        case "gasLimit" -> gasLimit = Optional.of(HexParser.uint64(v));
        case "feeRecipient", "coinbase" -> coinbase = Optional.of(HexParser.address(v));
        case "prevRandao", "random" -> random = Optional.of(HexParser.hash(v));
        case "baseFeePerGas", "baseFee" -> baseFee = Optional.of(Wei.of(HexParser.uint256(v)));
        case "blobBaseFee" -> blobBaseFee = Optional.of(Wei.of(HexParser.uint256(v)));
        default -> throw new ParamException("unknown block override field " + field.getKey());
      }
    }
    return new BlockOverrides(number, time, gasLimit, coinbase, random, baseFee, blobBaseFee);
  }
}
