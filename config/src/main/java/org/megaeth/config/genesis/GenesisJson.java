package org.megaeth.config.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.core.util.HexFormatException;

/**
 * Reads genesis values the way geth accepts them, naming the JSON path of a bad one. Numbers may be
 * JSON numbers, {@code "0x"} hex strings or decimal strings (geth's {@code HexOrDecimal});
 * addresses and hashes are hex in any letter case (geth does not check EIP-55 here).
 */
final class GenesisJson {
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private GenesisJson() {}

  /** A bad value: its JSON path and the problem. Turned into a ConfigException by the loader. */
  static final class BadField extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;

    BadField(String path, String problem) {
      super(problem);
      this.path = path;
    }

    String path() {
      return path;
    }
  }

  /** The field, or empty when it is absent or JSON {@code null} (geth treats both alike). */
  static Optional<JsonNode> field(JsonNode object, String name) {
    JsonNode node = object.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  static JsonNode required(JsonNode object, String name, String path) {
    return field(object, name).orElseThrow(() -> new BadField(path, "missing"));
  }

  static JsonNode object(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new BadField(path, "expected a JSON object, got " + describe(node));
    }
    return node;
  }

  static UInt256 uint256(JsonNode node, String path) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.signum() < 0) {
        throw new BadField(path, "must not be negative: " + value);
      }
      if (value.bitLength() > 256) {
        throw new BadField(path, "does not fit in 256 bits: " + value);
      }
      return UInt256.fromBigInteger(value);
    }
    if (node.isNumber()) {
      throw new BadField(path, "not an integer: " + node.asText());
    }
    if (!node.isTextual()) {
      throw new BadField(path, "expected a number, got " + describe(node));
    }
    String text = node.textValue();
    if (text.matches("0[xX][0-9a-fA-F]+")) {
      try {
        return UInt256.fromHexString(text);
      } catch (HexFormatException e) {
        throw new BadField(path, "does not fit in 256 bits: " + quote(text));
      }
    }
    if (text.matches("[0-9]+")) {
      BigInteger value = new BigInteger(text);
      if (value.bitLength() > 256) {
        throw new BadField(path, "does not fit in 256 bits: " + quote(text));
      }
      return UInt256.fromBigInteger(value);
    }
    throw new BadField(path, "not a number: " + quote(text));
  }

  /**
   * A 64-bit quantity. geth's are unsigned; the node keeps them in a {@code long}, so values above
   * 2^63 - 1 (which no real genesis uses) are rejected rather than wrapped.
   */
  static long uint64(JsonNode node, String path) {
    BigInteger value = uint256(node, path).toBigInteger();
    if (value.compareTo(MAX_LONG) > 0) {
      throw new BadField(path, "out of range: " + value + " is above " + Long.MAX_VALUE);
    }
    return value.longValue();
  }

  static Bytes bytes(JsonNode node, String path) {
    try {
      return Bytes.wrap(Hex.decode(text(node, path, "hex data")));
    } catch (HexFormatException e) {
      throw new BadField(path, e.getMessage());
    }
  }

  static Hash hash(JsonNode node, String path) {
    try {
      return Hash.fromHex(text(node, path, "a 32-byte hex hash"));
    } catch (HexFormatException e) {
      throw new BadField(path, e.getMessage());
    }
  }

  static Address address(JsonNode node, String path) {
    return address(text(node, path, "an address"), path);
  }

  /** An address with or without {@code 0x}, in any case. */
  static Address address(String text, String path) {
    try {
      return Address.fromHex(text.toLowerCase(Locale.ROOT));
    } catch (HexFormatException e) {
      throw new BadField(path, "not an address: " + e.getMessage());
    }
  }

  /**
   * A storage slot or value: up to 32 bytes of hex, with or without {@code 0x}, left-padded with
   * zeros as geth's {@code storageJSON} does.
   */
  static UInt256 word(String text, String path) {
    String digits = Hex.hasPrefix(text) ? text.substring(2) : text;
    if (digits.isEmpty() || digits.length() > 64 || !digits.matches("[0-9a-fA-F]+")) {
      throw new BadField(path, "not a hex word of at most 32 bytes: " + quote(text));
    }
    return UInt256.fromHexString("0x" + digits);
  }

  static UInt256 word(JsonNode node, String path) {
    return word(text(node, path, "a hex word"), path);
  }

  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isTextual()) {
      return "a string";
    }
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  static String quote(String s) {
    return "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
  }

  private static String text(JsonNode node, String path, String what) {
    if (!node.isTextual()) {
      throw new BadField(path, "expected " + what + " string, got " + describe(node));
    }
    return node.textValue();
  }
}
