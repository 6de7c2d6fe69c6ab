package org.megaeth.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * A request's positional parameters, read with geth's rules: a missing trailing argument or an
 * explicit {@code null} counts as absent, and every error is {@code -32602} with the argument's
 * position, {@code "invalid argument 1: hex string without 0x prefix"}.
 */
public final class Params {
  private static final Params EMPTY = new Params(null);

  /** An array node, or null for none. */
  private final JsonNode array;

  private Params(JsonNode array) {
    this.array = array;
  }

  /**
   * The parameters of a request; {@code params} is absent, null or an array (the dispatcher refuses
   * named parameters before this).
   */
  public static Params of(JsonNode params) {
    return params == null || params.isNull() || params.isMissingNode() ? EMPTY : new Params(params);
  }

  public int size() {
    return array == null ? 0 : array.size();
  }

  /** Refuses more than {@code max} arguments, as geth does. */
  public Params atMost(int max) throws JsonRpcException {
    if (size() > max) {
      throw JsonRpcException.invalidParams("too many arguments, want at most " + max);
    }
    return this;
  }

  /** The raw argument; empty when missing or null. */
  public Optional<JsonNode> optional(int index) {
    if (index >= size()) {
      return Optional.empty();
    }
    JsonNode node = array.get(index);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  public JsonNode required(int index) throws JsonRpcException {
    return optional(index)
        .orElseThrow(
            () -> JsonRpcException.invalidParams("missing value for required argument " + index));
  }

  public Address address(int index) throws JsonRpcException {
    JsonNode node = required(index);
    return parse(index, () -> HexParser.address(node));
  }

  public Hash hash(int index) throws JsonRpcException {
    JsonNode node = required(index);
    return parse(index, () -> HexParser.hash(node));
  }

  public Bytes data(int index) throws JsonRpcException {
    JsonNode node = required(index);
    return parse(index, () -> HexParser.data(node));
  }

  /** A non-negative quantity that fits in a long. */
  public long quantity(int index) throws JsonRpcException {
    JsonNode node = required(index);
    return parse(index, () -> HexParser.int63(node));
  }

  public UInt256 uint256(int index) throws JsonRpcException {
    JsonNode node = required(index);
    return parse(index, () -> HexParser.uint256(node));
  }

  public boolean bool(int index, boolean absent) throws JsonRpcException {
    Optional<JsonNode> node = optional(index);
    if (node.isEmpty()) {
      return absent;
    }
    if (!node.get().isBoolean()) {
      throw invalid(
          index,
          "json: cannot unmarshal "
              + HexParser.jsonType(node.get())
              + " into Go value of type bool");
    }
    return node.get().booleanValue();
  }

  /** A required block parameter. */
  public BlockParameter block(int index) throws JsonRpcException {
    JsonNode node = required(index);
    return parse(index, () -> BlockParameters.parse(node));
  }

  /** An optional block parameter, {@code absent} when missing (geth defaults most to latest). */
  public BlockParameter blockOr(int index, BlockParameter absent) throws JsonRpcException {
    Optional<JsonNode> node = optional(index);
    if (node.isEmpty()) {
      return absent;
    }
    return parse(index, () -> BlockParameters.parse(node.get()));
  }

  /** Parses argument {@code index} with {@code parser}, prefixing errors with its position. */
  public <T> T parse(int index, Parser<T> parser) throws JsonRpcException {
    try {
      return parser.parse();
    } catch (ParamException e) {
      throw invalid(index, e.getMessage());
    }
  }

  public static JsonRpcException invalid(int index, String message) {
    return JsonRpcException.invalidParams("invalid argument " + index + ": " + message);
  }

  /** A parse step that may fail with a {@link ParamException}. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse() throws ParamException;
  }
}
