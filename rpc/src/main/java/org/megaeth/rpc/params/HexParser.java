package org.megaeth.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.HexFormatException;

/**
 * Strict parsing of JSON-RPC hex values with geth's ({@code hexutil}) rules and words: quantities
 * need {@code 0x}, at least one digit and no leading zeros; data needs {@code 0x} and an even
 * number of digits.
 */
public final class HexParser {
  private HexParser() {}

  private static String text(JsonNode node, String what) throws ParamException {
    if (node == null || !node.isTextual()) {
      throw new ParamException(
          "json: cannot unmarshal " + jsonType(node) + " into Go value of type " + what);
    }
    return node.asText();
  }

  /** geth's name for a JSON value's type in unmarshal errors. */
  static String jsonType(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isObject()) {
      return "object";
    }
    return "string";
  }

  /** The digits of a quantity, checked. */
  private static String quantityDigits(String s, int maxBits) throws ParamException {
    if (s.isEmpty()) {
      throw new ParamException("empty hex string");
    }
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new ParamException("hex string without 0x prefix");
    }
    String digits = s.substring(2);
    if (digits.isEmpty()) {
      throw new ParamException("hex string \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new ParamException("hex number with leading zero digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new ParamException("invalid hex string");
      }
    }
    if (digits.length() * 4 > maxBits && new BigInteger(digits, 16).bitLength() > maxBits) {
      throw new ParamException("hex number > " + maxBits + " bits");
    }
    return digits;
  }

  /** An unsigned 64-bit quantity (held in a long; compare unsigned). */
  public static long uint64(JsonNode node) throws ParamException {
    return Long.parseUnsignedLong(quantityDigits(text(node, "hexutil.Uint64"), 64), 16);
  }

  /** A quantity that must fit a non-negative long (block numbers, counts). */
  public static long int63(JsonNode node) throws ParamException {
    long value = uint64(node);
    if (value < 0) {
      throw new ParamException("hex number > 63 bits");
    }
    return value;
  }

  /** A quantity of up to 256 bits (values, balances, fees). */
  public static UInt256 uint256(JsonNode node) throws ParamException {
    return UInt256.fromBigInteger(
        new BigInteger(quantityDigits(text(node, "hexutil.Big"), 256), 16));
  }

  /** A quantity given as hex or as a JSON or decimal number (geth's {@code HexOrDecimal64}). */
  public static long hexOrDecimal(JsonNode node) throws ParamException {
    if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
      return node.asLong();
    }
    String s = text(node, "math.HexOrDecimal64");
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return int63(node);
    }
    try {
      long value = Long.parseLong(s);
      if (value < 0) {
        throw new ParamException("invalid number " + s);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ParamException("invalid number " + s);
    }
  }

  /** Data: {@code 0x} and an even number of hex digits. */
  public static Bytes data(JsonNode node) throws ParamException {
    return data(text(node, "hexutil.Bytes"));
  }

  public static Bytes data(String s) throws ParamException {
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new ParamException(s.isEmpty() ? "empty hex string" : "hex string without 0x prefix");
    }
    if ((s.length() & 1) != 0) {
      throw new ParamException("hex string of odd length");
    }
    try {
      return Bytes.wrap(org.megaeth.core.util.Hex.decode(s));
    } catch (HexFormatException e) {
      throw new ParamException("invalid hex string");
    }
  }

  public static Address address(JsonNode node) throws ParamException {
    Bytes bytes = fixed(text(node, "common.Address"), Address.SIZE, "common.Address");
    return Address.wrap(bytes.toArray());
  }

  public static Hash hash(JsonNode node) throws ParamException {
    Bytes bytes = fixed(text(node, "common.Hash"), Hash.SIZE, "common.Hash");
    return Hash.wrap(bytes.toArray());
  }

  private static Bytes fixed(String s, int size, String goType) throws ParamException {
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new ParamException(
          "json: cannot unmarshal hex string without 0x prefix into Go value of type " + goType);
    }
    int digits = s.length() - 2;
    if (digits != 2 * size) {
      throw new ParamException(
          "hex string has length %d, want %d for %s".formatted(digits, 2 * size, goType));
    }
    try {
      return Bytes.wrap(org.megaeth.core.util.Hex.decode(s));
    } catch (HexFormatException e) {
      throw new ParamException("invalid hex string");
    }
  }

  /**
   * A storage slot key as {@code eth_getStorageAt} and {@code eth_getProof} take it (geth's {@code
   * decodeHash}): up to 32 bytes, an odd digit count allowed, left-padded with zeros. Returns the
   * key and the number of bytes given. A key that is not a string is a parameter error; a string
   * that is not such a key fails with geth's words ({@code hex string invalid}, {@code hex string
   * too long, want at most 32 bytes}), which geth reports as a plain ({@code -32000}) error.
   */
  public static StorageKey storageKey(JsonNode node) throws ParamException {
    if (node == null || !node.isTextual()) {
      throw new ParamException(
          "json: cannot unmarshal " + jsonType(node) + " into Go value of type string");
    }
    return storageKey(node.asText());
  }

  /** {@link #storageKey(JsonNode)} of a string: fails with geth's {@code decodeHash} words. */
  public static StorageKey storageKey(String s) throws ParamException {
    String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if ((digits.length() & 1) == 1) {
      digits = "0" + digits;
    }
    byte[] bytes;
    try {
      bytes = org.megaeth.core.util.Hex.decode(digits);
    } catch (HexFormatException e) {
      throw new ParamException("hex string invalid");
    }
    if (bytes.length > 32) {
      throw new ParamException("hex string too long, want at most 32 bytes");
    }
    return new StorageKey(UInt256.fromBytes(bytes), bytes.length);
  }

  /**
   * A decoded storage key and how many bytes the caller wrote (geth echoes 32-byte keys as data).
   */
  public record StorageKey(UInt256 key, int length) {}
}
