package org.megaeth.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Parses block parameters: tags, hex numbers, and EIP-1898 objects. */
public final class BlockParameters {
  private BlockParameters() {}

  public static BlockParameter parse(JsonNode node) throws ParamException {
    if (node.isObject()) {
      return parseObject(node);
    }
    if (!node.isTextual()) {
      throw new ParamException(
          "json: cannot unmarshal "
              + HexParser.jsonType(node)
              + " into Go value of type rpc.BlockNumberOrHash");
    }
    String text = node.asText();
    for (BlockParameter.Tag tag : BlockParameter.Tag.values()) {
      if (tag.wireName().equals(text)) {
        return tag;
      }
    }
    // geth takes a 32-byte hex string where a block number or hash is allowed.
    if (text.length() == 66 && (text.startsWith("0x") || text.startsWith("0X"))) {
      return new BlockParameter.ByHash(HexParser.hash(node), false);
    }
    return new BlockParameter.Number(HexParser.int63(node));
  }

  /** {@code {"blockHash": h, "requireCanonical": b}} or {@code {"blockNumber": n}}. */
  private static BlockParameter parseObject(JsonNode node) throws ParamException {
    JsonNode hash = null;
    JsonNode number = null;
    boolean requireCanonical = false;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      switch (field.getKey()) {
        case "blockHash" -> hash = field.getValue();
        case "blockNumber" -> number = field.getValue();
        case "requireCanonical" -> {
          if (!field.getValue().isBoolean()) {
            throw new ParamException("requireCanonical must be a boolean");
          }
          requireCanonical = field.getValue().booleanValue();
        }
        default ->
            throw new ParamException("unknown field " + field.getKey() + " in block parameter");
      }
    }
    if (hash != null && number != null) {
      throw new ParamException(
          "cannot specify both BlockHash and BlockNumber, choose one or the other");
    }
    if (hash != null) {
      return new BlockParameter.ByHash(HexParser.hash(hash), requireCanonical);
    }
    if (number != null) {
      BlockParameter parsed = parse(number);
      if (parsed instanceof BlockParameter.ByHash) {
        throw new ParamException("blockNumber must be a number or a tag");
      }
      return parsed;
    }
    throw new ParamException("block parameter object needs blockHash or blockNumber");
  }
}
