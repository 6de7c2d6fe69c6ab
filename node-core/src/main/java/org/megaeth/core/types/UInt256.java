package org.megaeth.core.types;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.util.Hex;
import org.megaeth.core.util.HexFormatException;

/**
 * An unsigned 256-bit integer as four 64-bit limbs, most significant first. Used at the boundaries
 * of the node (balances, storage values, transaction values); the EVM keeps its own limb stack.
 * Arithmetic wraps modulo 2^256 unless the method says "exact".
 */
public record UInt256(long u3, long u2, long u1, long u0) implements Comparable<UInt256> {
  public static final UInt256 ZERO = new UInt256(0, 0, 0, 0);
  public static final UInt256 ONE = new UInt256(0, 0, 0, 1);
  public static final UInt256 MAX = new UInt256(-1, -1, -1, -1);

  public static UInt256 valueOf(long unsigned) {
    return unsigned == 0 ? ZERO : new UInt256(0, 0, 0, unsigned);
  }

  /** Reads up to 32 big-endian bytes. */
  public static UInt256 fromBytes(byte[] bytes) {
    return fromBytes(bytes, 0, bytes.length);
  }

  public static UInt256 fromBytes(Bytes bytes) {
    return fromBytes(bytes.toArrayUnsafe());
  }

  public static UInt256 fromBytes(byte[] bytes, int offset, int length) {
    if (length > 32) {
      throw new IllegalArgumentException("a 256-bit value is at most 32 bytes, got " + length);
    }
    long[] limbs = new long[4];
    for (int i = 0; i < length; i++) {
      int bitPos = 8 * (length - 1 - i);
      limbs[bitPos >>> 6] |= (bytes[offset + i] & 0xFFL) << (bitPos & 63);
    }
    return new UInt256(limbs[3], limbs[2], limbs[1], limbs[0]);
  }

  public static UInt256 fromBigInteger(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new ArithmeticException("value out of the 256-bit unsigned range: " + value);
    }
    return new UInt256(
        value.shiftRight(192).longValue(),
        value.shiftRight(128).longValue(),
        value.shiftRight(64).longValue(),
        value.longValue());
  }

  /** Parses a hex quantity ({@code 0x1f}; leading zeros and odd digit counts allowed). */
  public static UInt256 fromHexString(String hex) {
    byte[] bytes = Hex.decodeLenient(hex);
    int start = 0;
    while (start < bytes.length && bytes[start] == 0) {
      start++;
    }
    if (bytes.length - start > 32) {
      throw new HexFormatException("hex value " + hex + " does not fit in 256 bits");
    }
    return fromBytes(bytes, start, bytes.length - start);
  }

  /** Parses a decimal string or a {@code 0x} hex quantity. */
  public static UInt256 parse(String text) {
    if (Hex.hasPrefix(text)) {
      return fromHexString(text);
    }
    try {
      return fromBigInteger(new BigInteger(text));
    } catch (NumberFormatException e) {
      throw new NumberFormatException("not a number: \"" + text + "\"");
    }
  }

  public boolean isZero() {
    return (u0 | u1 | u2 | u3) == 0;
  }

  /** True when the value is at most {@link Long#MAX_VALUE}. */
  public boolean fitsLong() {
    return (u3 | u2 | u1) == 0 && u0 >= 0;
  }

  /** True when the value fits in 64 unsigned bits. */
  public boolean fitsUnsignedLong() {
    return (u3 | u2 | u1) == 0;
  }

  /** The value as a long; throws when it is above {@link Long#MAX_VALUE}. */
  public long toLongExact() {
    if (!fitsLong()) {
      throw new ArithmeticException("value " + toDecimalString() + " does not fit in a long");
    }
    return u0;
  }

  public int bitLength() {
    if (u3 != 0) return 256 - Long.numberOfLeadingZeros(u3);
    if (u2 != 0) return 192 - Long.numberOfLeadingZeros(u2);
    if (u1 != 0) return 128 - Long.numberOfLeadingZeros(u1);
    return 64 - Long.numberOfLeadingZeros(u0);
  }

  public UInt256 add(UInt256 other) {
    long r0 = u0 + other.u0;
    long c0 = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
    long r1 = u1 + other.u1 + c0;
    long c1 = carry(u1, other.u1, c0, r1);
    long r2 = u2 + other.u2 + c1;
    long c2 = carry(u2, other.u2, c1, r2);
    long r3 = u3 + other.u3 + c2;
    return new UInt256(r3, r2, r1, r0);
  }

  /** Adds, throwing {@link ArithmeticException} on overflow past 2^256-1. */
  public UInt256 addExact(UInt256 other) {
    UInt256 sum = add(other);
    if (sum.compareTo(this) < 0) {
      throw new ArithmeticException("256-bit overflow");
    }
    return sum;
  }

  public UInt256 subtract(UInt256 other) {
    long r0 = u0 - other.u0;
    long b0 = Long.compareUnsigned(u0, other.u0) < 0 ? 1 : 0;
    long r1 = u1 - other.u1 - b0;
    long b1 = borrow(u1, other.u1, b0);
    long r2 = u2 - other.u2 - b1;
    long b2 = borrow(u2, other.u2, b1);
    long r3 = u3 - other.u3 - b2;
    return new UInt256(r3, r2, r1, r0);
  }

  /** Subtracts, throwing {@link ArithmeticException} when the result would be negative. */
  public UInt256 subtractExact(UInt256 other) {
    if (compareTo(other) < 0) {
      throw new ArithmeticException("256-bit underflow");
    }
    return subtract(other);
  }

  /**
   * Multiplies modulo 2^256. Fee arithmetic (gas times a price) runs here several times per
   * transaction, so there is no BigInteger: a 64 x 64-bit product is two instructions, and wider
   * ones are schoolbook on limbs.
   *
   * <p>Benchmark before refactoring: {@code
   * benchmarks/src/main/java/org/megaeth/benchmarks/evm/Erc20TransferBenchmark.java}.
   */
  public UInt256 multiply(UInt256 other) {
    if ((u3 | u2 | u1 | other.u3 | other.u2 | other.u1) == 0) {
      return product64(u0, other.u0);
    }
    return multiplyLimbs(other, false);
  }

  /** Multiplies, throwing {@link ArithmeticException} on overflow past 2^256-1. */
  public UInt256 multiplyExact(UInt256 other) {
    if ((u3 | u2 | u1 | other.u3 | other.u2 | other.u1) == 0) {
      return product64(u0, other.u0);
    }
    return multiplyLimbs(other, true);
  }

  /** Multiplies by an unsigned 64-bit value modulo 2^256. */
  public UInt256 multiply(long unsigned) {
    if ((u3 | u2 | u1) == 0) {
      return product64(u0, unsigned);
    }
    return multiplyLimbs(new UInt256(0, 0, 0, unsigned), false);
  }

  private static UInt256 product64(long a, long b) {
    long lo = a * b;
    long hi = Math.unsignedMultiplyHigh(a, b);
    return (hi | lo) == 0 ? ZERO : new UInt256(0, 0, hi, lo);
  }

  /**
   * Schoolbook multiplication keeping the low four limbs. With {@code exact}, anything carried or
   * multiplied into limb 4 or above (all partial products are non-negative) means the product does
   * not fit, and throws.
   */
  private UInt256 multiplyLimbs(UInt256 other, boolean exact) {
    long a0 = u0, a1 = u1, a2 = u2, a3 = u3;
    long b0 = other.u0, b1 = other.u1, b2 = other.u2, b3 = other.u3;
    if (exact
        && ((a1 != 0 && b3 != 0)
            || (a2 != 0 && (b2 | b3) != 0)
            || (a3 != 0 && (b1 | b2 | b3) != 0))) {
      throw new ArithmeticException("256-bit overflow");
    }
    // Row i adds a_i * (b_0 .. b_{3-i}) into r_i .. r_3; mac returns the new limb and leaves the
    // carry in carry[0].
    long[] carry = new long[1];
    long r0 = mac(0, a0, b0, 0, carry);
    long r1 = mac(0, a0, b1, carry[0], carry);
    long r2 = mac(0, a0, b2, carry[0], carry);
    long r3 = mac(0, a0, b3, carry[0], carry);
    long over = carry[0];
    r1 = mac(r1, a1, b0, 0, carry);
    r2 = mac(r2, a1, b1, carry[0], carry);
    r3 = mac(r3, a1, b2, carry[0], carry);
    over |= carry[0];
    r2 = mac(r2, a2, b0, 0, carry);
    r3 = mac(r3, a2, b1, carry[0], carry);
    over |= carry[0];
    r3 = mac(r3, a3, b0, 0, carry);
    over |= carry[0];
    if (exact && over != 0) {
      throw new ArithmeticException("256-bit overflow");
    }
    return new UInt256(r3, r2, r1, r0);
  }

  /** {@code r + a * b + c} as a 128-bit value: returns the low limb, puts the high in out[0]. */
  private static long mac(long r, long a, long b, long c, long[] out) {
    long lo = a * b;
    long hi = Math.unsignedMultiplyHigh(a, b);
    long s = lo + r;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    long t = s + c;
    hi += Long.compareUnsigned(t, s) < 0 ? 1 : 0;
    out[0] = hi;
    return t;
  }

  /** Integer division; division by zero gives zero, as in the EVM. */
  public UInt256 divide(UInt256 divisor) {
    if (divisor.isZero()) {
      return ZERO;
    }
    return fromBigInteger(toBigInteger().divide(divisor.toBigInteger()));
  }

  public UInt256 mod(UInt256 divisor) {
    if (divisor.isZero()) {
      return ZERO;
    }
    return fromBigInteger(toBigInteger().mod(divisor.toBigInteger()));
  }

  public UInt256 min(UInt256 other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public UInt256 max(UInt256 other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public int compareTo(UInt256 other) {
    if (u3 != other.u3) return Long.compareUnsigned(u3, other.u3);
    if (u2 != other.u2) return Long.compareUnsigned(u2, other.u2);
    if (u1 != other.u1) return Long.compareUnsigned(u1, other.u1);
    return Long.compareUnsigned(u0, other.u0);
  }

  public BigInteger toBigInteger() {
    byte[] b = toBytes32();
    return new BigInteger(1, b);
  }

  /** The value as 32 big-endian bytes. */
  public byte[] toBytes32() {
    byte[] out = new byte[32];
    writeTo(out, 0);
    return out;
  }

  /** Writes the value as 32 big-endian bytes at {@code offset}. */
  public void writeTo(byte[] out, int offset) {
    putLong(out, offset, u3);
    putLong(out, offset + 8, u2);
    putLong(out, offset + 16, u1);
    putLong(out, offset + 24, u0);
  }

  /** The big-endian bytes without leading zeros (empty for zero): the RLP scalar form. */
  public byte[] toMinimalBytes() {
    int len = (bitLength() + 7) / 8;
    byte[] full = toBytes32();
    byte[] out = new byte[len];
    System.arraycopy(full, 32 - len, out, 0, len);
    return out;
  }

  /** A JSON-RPC quantity: {@code 0x0}, {@code 0x1f}, no leading zeros. */
  public String toHexString() {
    if (isZero()) {
      return "0x0";
    }
    return "0x" + toBigInteger().toString(16);
  }

  public String toDecimalString() {
    return fitsLong() ? Long.toString(u0) : toBigInteger().toString();
  }

  @Override
  public String toString() {
    return toDecimalString();
  }

  private static long carry(long a, long b, long carryIn, long sum) {
    // Carry out of a + b + carryIn: the sum wrapped, or it equals a with a carry in and b = max.
    return (Long.compareUnsigned(sum, a) < 0 || (carryIn == 1 && sum == a)) ? 1 : 0;
  }

  private static long borrow(long a, long b, long borrowIn) {
    return (Long.compareUnsigned(a, b) < 0 || (borrowIn == 1 && a == b)) ? 1 : 0;
  }

  private static void putLong(byte[] out, int offset, long v) {
    for (int i = 0; i < 8; i++) {
      out[offset + i] = (byte) (v >>> (56 - 8 * i));
    }
  }
}
