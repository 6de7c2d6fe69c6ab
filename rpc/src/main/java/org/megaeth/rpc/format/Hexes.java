package org.megaeth.rpc.format;

import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;

/**
 * JSON-RPC's two hex forms: a quantity is {@code 0x} and the number's hex digits without leading
 * zeros ({@code 0x0} for zero); data is {@code 0x} and two digits per byte ({@code 0x} for none).
 */
public final class Hexes {
  private Hexes() {}

  /** A quantity from a non-negative {@code long}. */
  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative quantity " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  /** A quantity from an unsigned 64-bit value held in a {@code long} (nonces, gas limits). */
  public static String unsignedQuantity(long value) {
    return "0x" + Long.toUnsignedString(value, 16);
  }

  public static String quantity(UInt256 value) {
    return value.toHexString();
  }

  public static String quantity(Wei value) {
    return value.value().toHexString();
  }

  public static String data(Bytes bytes) {
    return bytes.toHexString();
  }

  public static String data(byte[] bytes) {
    return Hex.encode(bytes);
  }
}
