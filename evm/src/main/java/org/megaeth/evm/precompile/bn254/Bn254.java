package org.megaeth.evm.precompile.bn254;

import java.util.Arrays;

/**
 * BN254 (alt_bn128) operations behind the EVM precompiles 0x06 ECADD, 0x07 ECMUL (EIP-196) and 0x08
 * ECPAIRING (EIP-197), with EIP-1108 changing only their prices. Pure functions of the input bytes;
 * gas is charged by the precompile wrappers before calling these.
 *
 * <p>Encoding: field elements are 32-byte big-endian integers that must be below p. A G1 point is
 * (x, y) and (0, 0) is the point at infinity. A G2 point is (x_imaginary, x_real, y_imaginary,
 * y_real), imaginary part first, and all zeros is the point at infinity.
 */
public final class Bn254 {

  /** EIP-196: ECADD reads two G1 points, 128 bytes. */
  private static final int ADD_INPUT_LENGTH = 128;

  /** EIP-196: ECMUL reads a G1 point and a 32-byte scalar, 96 bytes. */
  private static final int MUL_INPUT_LENGTH = 96;

  /** EIP-197: each pairing input is a G1 point (64 bytes) then a G2 point (128 bytes). */
  private static final int PAIR_LENGTH = 192;

  private static final int FIELD_BYTES = 32;
  private static final int G1_BYTES = 2 * FIELD_BYTES;

  private Bn254() {}

  /**
   * EIP-196 ECADD. The input is read as 128 bytes, right-padded with zeros or truncated.
   *
   * @return the 64-byte encoding of the sum
   * @throws Bn254Exception if a point is not a valid G1 point
   */
  public static byte[] add(byte[] input) throws Bn254Exception {
    final byte[] in = Arrays.copyOf(input, ADD_INPUT_LENGTH);
    final G1 g1 = new G1();
    final long[] a = new long[G1.JACOBIAN_SIZE];
    final long[] b = new long[G1.JACOBIAN_SIZE];
    readG1(g1, in, 0, a);
    readG1(g1, in, G1_BYTES, b);
    g1.add(a, 0, b, 0, a, 0);
    return encodeG1(g1, a);
  }

  /**
   * EIP-196 ECMUL. The input is read as 96 bytes, right-padded with zeros or truncated: a G1 point
   * then a 256-bit big-endian scalar, which may exceed the group order.
   *
   * @return the 64-byte encoding of the product
   * @throws Bn254Exception if the point is not a valid G1 point
   */
  public static byte[] mul(byte[] input) throws Bn254Exception {
    final byte[] in = Arrays.copyOf(input, MUL_INPUT_LENGTH);
    final G1 g1 = new G1();
    final long[] point = new long[G1.JACOBIAN_SIZE];
    readG1(g1, in, 0, point);
    final long[] scalar = {
      Fp.readLong(in, G1_BYTES + 24),
      Fp.readLong(in, G1_BYTES + 16),
      Fp.readLong(in, G1_BYTES + 8),
      Fp.readLong(in, G1_BYTES)
    };
    if (!G1.isInfinity(point, 0)) {
      // readG1 left a Jacobian point with Z = 1, whose first 8 longs are the affine point.
      g1.mul(point, 0, scalar, point, 0);
    }
    return encodeG1(g1, point);
  }

  /**
   * EIP-197 pairing check: whether the product of e(P_i, Q_i) over all 192-byte chunks is 1. Empty
   * input gives 1. A pair with either point at infinity contributes 1 but both points are still
   * validated.
   *
   * @return 32 bytes holding 1 or 0
   * @throws Bn254Exception if the length is not a multiple of 192, or a point is invalid
   *     (coordinate not below p, not on its curve, or a G2 point outside the order-r subgroup)
   */
  public static byte[] pairing(byte[] input) throws Bn254Exception {
    if (input.length % PAIR_LENGTH != 0) {
      throw new Bn254Exception(
          "input length not a multiple of " + PAIR_LENGTH + ": " + input.length + " bytes");
    }
    final int pairs = input.length / PAIR_LENGTH;
    final Fp2 fp2 = new Fp2();
    final G1 g1 = new G1();
    final G2 g2 = new G2(fp2);
    final long[] g1Points = new long[pairs * G1.AFFINE_SIZE];
    final long[] g2Points = new long[pairs * G2.AFFINE_SIZE];
    final long[] p = new long[G1.JACOBIAN_SIZE];
    int count = 0;
    for (int i = 0; i < pairs; i++) {
      final int offset = i * PAIR_LENGTH;
      readG1(g1, input, offset, p);
      final boolean g2Infinity =
          readG2(g2, input, offset + G1_BYTES, g2Points, count * G2.AFFINE_SIZE);
      if (!G1.isInfinity(p, 0) && !g2Infinity) {
        System.arraycopy(p, 0, g1Points, count * G1.AFFINE_SIZE, G1.AFFINE_SIZE);
        count++;
      }
    }
    final Pairing pairing = new Pairing(new Fp12(new Fp6(fp2)), g2);
    final byte[] out = new byte[FIELD_BYTES];
    out[FIELD_BYTES - 1] = pairing.isProductOne(g1Points, g2Points, count) ? (byte) 1 : (byte) 0;
    return out;
  }

  /** Reads a G1 point into Jacobian form (Z = 1, or Z = 0 for infinity) and validates it. */
  private static void readG1(G1 g1, byte[] in, int offset, long[] r) throws Bn254Exception {
    if (!Fp.fromBytes(in, offset, r, 0) || !Fp.fromBytes(in, offset + FIELD_BYTES, r, Fp.LIMBS)) {
      throw new Bn254Exception("invalid G1 point: coordinate not less than the field modulus");
    }
    if (Fp.isZero(r, 0) && Fp.isZero(r, Fp.LIMBS)) {
      G1.setInfinity(r, 0);
      return;
    }
    if (!g1.isOnCurve(r, 0)) {
      throw new Bn254Exception("invalid G1 point: not on curve");
    }
    Fp.setOne(r, 2 * Fp.LIMBS);
  }

  /**
   * Reads an affine G2 point (imaginary parts first on the wire) and validates it. Returns whether
   * it is the point at infinity, in which case r is left as zeros.
   */
  private static boolean readG2(G2 g2, byte[] in, int offset, long[] r, int ri)
      throws Bn254Exception {
    final boolean valid =
        Fp.fromBytes(in, offset, r, ri + Fp.LIMBS)
            && Fp.fromBytes(in, offset + FIELD_BYTES, r, ri)
            && Fp.fromBytes(in, offset + 2 * FIELD_BYTES, r, ri + Fp2.SIZE + Fp.LIMBS)
            && Fp.fromBytes(in, offset + 3 * FIELD_BYTES, r, ri + Fp2.SIZE);
    if (!valid) {
      throw new Bn254Exception("invalid G2 point: coordinate not less than the field modulus");
    }
    if (Fp2.isZero(r, ri) && Fp2.isZero(r, ri + Fp2.SIZE)) {
      return true;
    }
    if (!g2.isOnCurve(r, ri)) {
      throw new Bn254Exception("invalid G2 point: not on curve");
    }
    if (!g2.isInSubgroup(r, ri)) {
      throw new Bn254Exception("invalid G2 point: not in the subgroup of order r");
    }
    return false;
  }

  private static byte[] encodeG1(G1 g1, long[] jacobian) {
    final long[] affine = new long[G1.AFFINE_SIZE];
    g1.toAffine(jacobian, 0, affine, 0);
    final byte[] out = new byte[G1_BYTES];
    Fp.toBytes(affine, 0, out, 0);
    Fp.toBytes(affine, Fp.LIMBS, out, FIELD_BYTES);
    return out;
  }
}
