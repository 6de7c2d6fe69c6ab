package org.megaeth.core.util;

import java.nio.charset.StandardCharsets;

/**
 * Hex encoding and strict parsing. Every hex string that enters the node (RPC, config, genesis,
 * fixtures) goes through here so that a bad digit is reported the same way everywhere.
 */
public final class Hex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private Hex() {}

  /** Lower-case hex with a {@code 0x} prefix. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  public static String encode(byte[] bytes, int offset, int length) {
    byte[] out = new byte[2 + 2 * length];
    writeAscii(bytes, offset, length, out);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@link #encode} as ASCII bytes into {@code out}, which has room for {@code 2 + 2 *
   * length} of them (for writers that emit bytes, such as JSON generators).
   *
   * @return how many bytes were written
   */
  public static int writeAscii(byte[] bytes, int offset, int length, byte[] out) {
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xFF;
      out[2 + 2 * i] = DIGITS[b >>> 4];
      out[3 + 2 * i] = DIGITS[b & 0xF];
    }
    return 2 + 2 * length;
  }

  /** Lower-case hex without a prefix. */
  public static String encodeNoPrefix(byte[] bytes) {
    return encode(bytes).substring(2);
  }

  /**
   * Parses hex data: an optional {@code 0x} prefix, then an even number of hex digits. {@code "0x"}
   * is the empty array.
   *
   * @throws HexFormatException naming the offending character or the odd length
   */
  public static byte[] decode(String hex) {
    if (hex == null) {
      throw new HexFormatException("hex string is missing");
    }
    int start = hasPrefix(hex) ? 2 : 0;
    int digits = hex.length() - start;
    if ((digits & 1) != 0) {
      throw new HexFormatException(
          "hex string " + quote(hex) + " has an odd number of digits (" + digits + ")");
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex, start + 2 * i);
      int lo = digit(hex, start + 2 * i + 1);
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /**
   * Parses hex data that may have an odd number of digits (quantities such as {@code 0x1}); a
   * missing leading nibble is taken as zero.
   */
  public static byte[] decodeLenient(String hex) {
    if (hex == null) {
      throw new HexFormatException("hex string is missing");
    }
    int start = hasPrefix(hex) ? 2 : 0;
    if (((hex.length() - start) & 1) != 0) {
      return decode("0" + hex.substring(start));
    }
    return decode(hex);
  }

  /**
   * Parses hex data of exactly {@code length} bytes.
   *
   * @throws HexFormatException when the digits are bad or the length differs
   */
  public static byte[] decodeExact(String hex, int length) {
    byte[] out = decode(hex);
    if (out.length != length) {
      throw new HexFormatException(
          "hex string " + quote(hex) + " is " + out.length + " bytes, expected " + length);
    }
    return out;
  }

  public static boolean hasPrefix(String hex) {
    return hex.length() >= 2
        && hex.charAt(0) == '0'
        && (hex.charAt(1) == 'x' || hex.charAt(1) == 'X');
  }

  private static int digit(String hex, int index) {
    char c = hex.charAt(index);
    int d = Character.digit(c, 16);
    if (d < 0 || c > 'f') {
      throw new HexFormatException(
          "hex string " + quote(hex) + " has a non-hex character '" + c + "' at position " + index);
    }
    return d;
  }

  static String quote(String s) {
    return s.length() > 80 ? "\"" + s.substring(0, 77) + "...\"" : "\"" + s + "\"";
  }
}
