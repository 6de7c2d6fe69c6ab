package org.megaeth.evm.precompile.bls12381;

import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * The BLS12-381 operations behind the EIP-2537 precompiles (Prague), over the blst library (jblst
 * binding) for the group arithmetic and pairing. Pure functions of the input bytes; gas is charged
 * by the precompile wrappers before calling these.
 *
 * <p>Encoding (EIP-2537): an Fp element is 64 big-endian bytes whose top 16 bytes are zero and
 * whose value is below p; an Fp2 element c0 + c1 v is c0 then c1; a point is x then y, and all
 * zeros is the point at infinity; a scalar is 32 big-endian bytes and may exceed the group order q.
 * Inputs of the wrong length are errors (no padding or truncation, unlike the BN254 precompiles).
 */
public final class Bls12381 {
  /** EIP-2537 field element encoding: 16 zero bytes then 48 bytes below p. */
  public static final int FP_LENGTH = 64;

  public static final int G1_LENGTH = 2 * FP_LENGTH;
  public static final int G2_LENGTH = 4 * FP_LENGTH;
  public static final int SCALAR_LENGTH = 32;

  /** One G1MSM input: a G1 point then a scalar. */
  public static final int G1_MSM_PAIR_LENGTH = G1_LENGTH + SCALAR_LENGTH;

  /** One G2MSM input: a G2 point then a scalar. */
  public static final int G2_MSM_PAIR_LENGTH = G2_LENGTH + SCALAR_LENGTH;

  /** One PAIRING_CHECK input: a G1 point then a G2 point. */
  public static final int PAIR_LENGTH = G1_LENGTH + G2_LENGTH;

  private static final int FP_PADDING = 16;
  private static final int FP_BYTES = FP_LENGTH - FP_PADDING;

  /** The main subgroup order q. */
  private static final BigInteger Q =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** RFC 9380 8.8.1: G1's effective cofactor. */
  private static final BigInteger H_EFF_G1 = new BigInteger("d201000000010001", 16);

  /** RFC 9380 8.8.2: G2's effective cofactor. */
  private static final BigInteger H_EFF_G2 =
      new BigInteger(
          "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551",
          16);

  private static final byte[] P_BYTES = MapToCurve.P.toByteArray();

  private static final byte[] TRUE = word(1);
  private static final byte[] FALSE = word(0);

  private Bls12381() {}

  /** BLS12_G1ADD (0x0b): two G1 points, no subgroup check. */
  public static byte[] g1Add(byte[] input) throws Bls12381Exception {
    requireLength(input, 2 * G1_LENGTH);
    P1 sum = toJacobian(readG1(input, 0, false));
    P1_Affine b = readG1(input, G1_LENGTH, false);
    if (b != null) {
      sum.add(b);
    }
    return encode(sum);
  }

  /** BLS12_G2ADD (0x0d): two G2 points, no subgroup check. */
  public static byte[] g2Add(byte[] input) throws Bls12381Exception {
    requireLength(input, 2 * G2_LENGTH);
    P2 sum = toJacobian(readG2(input, 0, false));
    P2_Affine b = readG2(input, G2_LENGTH, false);
    if (b != null) {
      sum.add(b);
    }
    return encode(sum);
  }

  /** BLS12_G1MSM (0x0c): k (point, scalar) pairs, k > 0, points in the subgroup. */
  public static byte[] g1Msm(byte[] input) throws Bls12381Exception {
    int k = pairs(input, G1_MSM_PAIR_LENGTH);
    P1_Affine[] points = new P1_Affine[k];
    for (int i = 0; i < k; i++) {
      points[i] = readG1(input, i * G1_MSM_PAIR_LENGTH, true);
    }
    P1 sum = new P1();
    for (int i = 0; i < k; i++) {
      BigInteger scalar = readScalar(input, i * G1_MSM_PAIR_LENGTH + G1_LENGTH);
      if (points[i] != null && scalar.signum() != 0) {
        sum.add(new P1(points[i]).mult(scalar));
      }
    }
    return encode(sum);
  }

  /** BLS12_G2MSM (0x0e): k (point, scalar) pairs, k > 0, points in the subgroup. */
  public static byte[] g2Msm(byte[] input) throws Bls12381Exception {
    int k = pairs(input, G2_MSM_PAIR_LENGTH);
    P2_Affine[] points = new P2_Affine[k];
    for (int i = 0; i < k; i++) {
      points[i] = readG2(input, i * G2_MSM_PAIR_LENGTH, true);
    }
    P2 sum = new P2();
    for (int i = 0; i < k; i++) {
      BigInteger scalar = readScalar(input, i * G2_MSM_PAIR_LENGTH + G2_LENGTH);
      if (points[i] != null && scalar.signum() != 0) {
        sum.add(new P2(points[i]).mult(scalar));
      }
    }
    return encode(sum);
  }

  /**
   * BLS12_PAIRING_CHECK (0x0f): whether e(P1, Q1) * ... * e(Pk, Qk) is 1, for k > 0 pairs of
   * subgroup points. A pair with a point at infinity contributes 1.
   *
   * @return 32 bytes: 1 for true, 0 for false
   */
  public static byte[] pairingCheck(byte[] input) throws Bls12381Exception {
    int k = pairs(input, PAIR_LENGTH);
    P1_Affine[] g1 = new P1_Affine[k];
    P2_Affine[] g2 = new P2_Affine[k];
    for (int i = 0; i < k; i++) {
      g1[i] = readG1(input, i * PAIR_LENGTH, true);
      g2[i] = readG2(input, i * PAIR_LENGTH + G1_LENGTH, true);
    }
    PT product = null;
    for (int i = 0; i < k; i++) {
      if (g1[i] == null || g2[i] == null) {
        continue;
      }
      PT miller = new PT(g1[i], g2[i]);
      product = product == null ? miller : product.mul(miller);
    }
    if (product == null) {
      return TRUE.clone();
    }
    return product.final_exp().is_one() ? TRUE.clone() : FALSE.clone();
  }

  /** BLS12_MAP_FP_TO_G1 (0x10): one Fp element to a G1 point. */
  public static byte[] mapFpToG1(byte[] input) throws Bls12381Exception {
    requireLength(input, FP_LENGTH);
    BigInteger u = readFp(input, 0);
    BigInteger[] point = MapToCurve.mapToG1Curve(u);
    if (point == null) {
      return new byte[G1_LENGTH];
    }
    byte[] raw = new byte[2 * FP_BYTES];
    writeFp48(point[0], raw, 0);
    writeFp48(point[1], raw, FP_BYTES);
    // A 64-bit scalar: blst's window method, valid for points outside the subgroup.
    P1 onCurve = new P1(new P1_Affine(raw));
    return encode(onCurve.mult(H_EFF_G1));
  }

  /** BLS12_MAP_FP2_TO_G2 (0x11): one Fp2 element to a G2 point. */
  public static byte[] mapFp2ToG2(byte[] input) throws Bls12381Exception {
    requireLength(input, 2 * FP_LENGTH);
    BigInteger u0 = readFp(input, 0);
    BigInteger u1 = readFp(input, FP_LENGTH);
    BigInteger[] point = MapToCurve.mapToG2Curve(u0, u1);
    if (point == null) {
      return new byte[G2_LENGTH];
    }
    // blst's order is x.c1, x.c0, y.c1, y.c0.
    byte[] raw = new byte[4 * FP_BYTES];
    writeFp48(point[1], raw, 0);
    writeFp48(point[0], raw, FP_BYTES);
    writeFp48(point[3], raw, 2 * FP_BYTES);
    writeFp48(point[2], raw, 3 * FP_BYTES);
    // blst multiplies by scalars wider than 256 bits with a plain window method, valid for points
    // outside the subgroup (the MAP_FP2_TO_G2 vectors check it).
    P2 onCurve = new P2(new P2_Affine(raw));
    return encode(onCurve.mult(H_EFF_G2));
  }

  private static void requireLength(byte[] input, int length) throws Bls12381Exception {
    if (input.length != length) {
      throw new Bls12381Exception(
          "invalid input length %d, want %d".formatted(input.length, length));
    }
  }

  /** The number of items of a variable-length input, which must be a positive multiple. */
  private static int pairs(byte[] input, int itemLength) throws Bls12381Exception {
    if (input.length == 0 || input.length % itemLength != 0) {
      throw new Bls12381Exception(
          "invalid input length %d, want a positive multiple of %d"
              .formatted(input.length, itemLength));
    }
    return input.length / itemLength;
  }

  /**
   * Reads a G1 point at {@code offset}.
   *
   * @return null for the point at infinity
   */
  private static P1_Affine readG1(byte[] input, int offset, boolean subgroupCheck)
      throws Bls12381Exception {
    checkFp(input, offset);
    checkFp(input, offset + FP_LENGTH);
    if (isZero(input, offset, G1_LENGTH)) {
      return null;
    }
    byte[] raw = new byte[2 * FP_BYTES];
    System.arraycopy(input, offset + FP_PADDING, raw, 0, FP_BYTES);
    System.arraycopy(input, offset + FP_LENGTH + FP_PADDING, raw, FP_BYTES, FP_BYTES);
    P1_Affine point;
    try {
      point = new P1_Affine(raw);
    } catch (RuntimeException e) {
      throw new Bls12381Exception("invalid G1 point: " + e.getMessage());
    }
    if (subgroupCheck && !point.in_group()) {
      throw new Bls12381Exception("G1 point is not in the subgroup");
    }
    return point;
  }

  /**
   * Reads a G2 point at {@code offset}.
   *
   * @return null for the point at infinity
   */
  private static P2_Affine readG2(byte[] input, int offset, boolean subgroupCheck)
      throws Bls12381Exception {
    for (int i = 0; i < 4; i++) {
      checkFp(input, offset + i * FP_LENGTH);
    }
    if (isZero(input, offset, G2_LENGTH)) {
      return null;
    }
    // EIP-2537 order x.c0, x.c1, y.c0, y.c1; blst's x.c1, x.c0, y.c1, y.c0.
    byte[] raw = new byte[4 * FP_BYTES];
    int[] order = {1, 0, 3, 2};
    for (int i = 0; i < 4; i++) {
      System.arraycopy(
          input, offset + order[i] * FP_LENGTH + FP_PADDING, raw, i * FP_BYTES, FP_BYTES);
    }
    P2_Affine point;
    try {
      point = new P2_Affine(raw);
    } catch (RuntimeException e) {
      throw new Bls12381Exception("invalid G2 point: " + e.getMessage());
    }
    if (subgroupCheck && !point.in_group()) {
      throw new Bls12381Exception("G2 point is not in the subgroup");
    }
    return point;
  }

  /** Checks the encoding of the Fp element at {@code offset}: 16 zero bytes, then below p. */
  private static void checkFp(byte[] input, int offset) throws Bls12381Exception {
    if (!isZero(input, offset, FP_PADDING)) {
      throw new Bls12381Exception("invalid field element top bytes");
    }
    // P_BYTES is exactly 48 bytes (p's top bit is well below the sign bit), compared unsigned.
    for (int i = 0; i < FP_BYTES; i++) {
      int have = input[offset + FP_PADDING + i] & 0xFF;
      int limit = P_BYTES[i] & 0xFF;
      if (have != limit) {
        if (have < limit) {
          return;
        }
        break;
      }
    }
    throw new Bls12381Exception("field element is not below p");
  }

  private static BigInteger readFp(byte[] input, int offset) throws Bls12381Exception {
    checkFp(input, offset);
    byte[] digits = new byte[FP_BYTES];
    System.arraycopy(input, offset + FP_PADDING, digits, 0, FP_BYTES);
    return new BigInteger(1, digits);
  }

  /** A scalar reduced mod q: the points it multiplies are in the subgroup of order q. */
  private static BigInteger readScalar(byte[] input, int offset) {
    byte[] digits = new byte[SCALAR_LENGTH];
    System.arraycopy(input, offset, digits, 0, SCALAR_LENGTH);
    return new BigInteger(1, digits).mod(Q);
  }

  private static P1 toJacobian(P1_Affine point) {
    return point == null ? new P1() : new P1(point);
  }

  private static P2 toJacobian(P2_Affine point) {
    return point == null ? new P2() : new P2(point);
  }

  private static byte[] encode(P1 point) {
    byte[] out = new byte[G1_LENGTH];
    if (point.is_inf()) {
      return out;
    }
    byte[] raw = point.serialize();
    System.arraycopy(raw, 0, out, FP_PADDING, FP_BYTES);
    System.arraycopy(raw, FP_BYTES, out, FP_LENGTH + FP_PADDING, FP_BYTES);
    return out;
  }

  private static byte[] encode(P2 point) {
    byte[] out = new byte[G2_LENGTH];
    if (point.is_inf()) {
      return out;
    }
    byte[] raw = point.serialize();
    int[] order = {1, 0, 3, 2};
    for (int i = 0; i < 4; i++) {
      System.arraycopy(raw, i * FP_BYTES, out, order[i] * FP_LENGTH + FP_PADDING, FP_BYTES);
    }
    return out;
  }

  private static void writeFp48(BigInteger value, byte[] out, int offset) {
    byte[] digits = value.toByteArray();
    int length = Math.min(digits.length, FP_BYTES);
    System.arraycopy(digits, digits.length - length, out, offset + FP_BYTES - length, length);
  }

  private static boolean isZero(byte[] input, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (input[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] word(int lastByte) {
    byte[] out = new byte[32];
    out[31] = (byte) lastByte;
    return out;
  }
}
