package org.megaeth.evm.precompile.bn254;

/**
 * The group G1: points of y^2 = x^3 + 3 over Fp (all of E(Fp), which has prime order r).
 *
 * <p>An affine point is 8 longs (x, y). A Jacobian point is 12 longs (X, Y, Z) standing for (X/Z^2,
 * Y/Z^3); Z = 0 is the point at infinity. Methods use this object's scratch space, so an instance
 * must not be shared between threads. Outputs may alias inputs.
 */
final class G1 {

  /** Longs per affine point. */
  static final int AFFINE_SIZE = 2 * Fp.LIMBS;

  /** Longs per Jacobian point. */
  static final int JACOBIAN_SIZE = 3 * Fp.LIMBS;

  /** Scalar multiplication window: 4 bits, a 16-entry table. */
  private static final int WINDOW_BITS = 4;

  private static final int WINDOW_ENTRIES = 1 << WINDOW_BITS;

  private static final int X = 0;
  private static final int Y = Fp.LIMBS;
  private static final int Z = 2 * Fp.LIMBS;

  /** The curve constant b = 3, in Montgomery form. */
  private static final long[] B = new long[Fp.LIMBS];

  static {
    Fp.fromLong(3, B, 0);
  }

  private final long[] t = new long[12 * Fp.LIMBS];

  /** Whether the affine point satisfies y^2 = x^3 + 3. */
  boolean isOnCurve(long[] p, int pi) {
    Fp.sqr(p, pi + Y, t, 0);
    Fp.sqr(p, pi + X, t, 4);
    Fp.mul(t, 4, p, pi + X, t, 4);
    Fp.add(t, 4, B, 0, t, 4);
    return Fp.equal(t, 0, t, 4);
  }

  /** r = the Jacobian form of an affine point (Z = 1). */
  static void fromAffine(long[] p, int pi, long[] r, int ri) {
    Fp.copy(p, pi + X, r, ri + X);
    Fp.copy(p, pi + Y, r, ri + Y);
    Fp.setOne(r, ri + Z);
  }

  static void setInfinity(long[] r, int ri) {
    Fp.setOne(r, ri + X);
    Fp.setOne(r, ri + Y);
    Fp.setZero(r, ri + Z);
  }

  static boolean isInfinity(long[] p, int pi) {
    return Fp.isZero(p, pi + Z);
  }

  /** r = 2p, Jacobian ("dbl-2009-l" from the Explicit-Formulas Database, a = 0). */
  void dbl(long[] p, int pi, long[] r, int ri) {
    Fp.sqr(p, pi + X, t, 0); // A = X^2
    Fp.sqr(p, pi + Y, t, 4); // B = Y^2
    Fp.sqr(t, 4, t, 8); // C = B^2
    Fp.add(p, pi + X, t, 4, t, 12); // D = 2((X + B)^2 - A - C)
    Fp.sqr(t, 12, t, 12);
    Fp.sub(t, 12, t, 0, t, 12);
    Fp.sub(t, 12, t, 8, t, 12);
    Fp.dbl(t, 12, t, 12);
    Fp.dbl(t, 0, t, 16); // E = 3A
    Fp.add(t, 16, t, 0, t, 16);
    Fp.sqr(t, 16, t, 20); // F = E^2
    Fp.mul(p, pi + Y, p, pi + Z, t, 24); // Z3 = 2YZ
    Fp.dbl(t, 24, r, ri + Z);
    Fp.dbl(t, 12, t, 28); // X3 = F - 2D
    Fp.sub(t, 20, t, 28, r, ri + X);
    Fp.sub(t, 12, r, ri + X, t, 28); // Y3 = E(D - X3) - 8C
    Fp.mul(t, 16, t, 28, t, 28);
    Fp.dbl(t, 8, t, 8);
    Fp.dbl(t, 8, t, 8);
    Fp.dbl(t, 8, t, 8);
    Fp.sub(t, 28, t, 8, r, ri + Y);
  }

  /**
   * r = p + q, Jacobian ("add-2007-bl"), including the cases the formula cannot handle: either
   * input at infinity, p = q (doubling) and p = -q (infinity).
   */
  void add(long[] p, int pi, long[] q, int qi, long[] r, int ri) {
    if (isInfinity(p, pi)) {
      System.arraycopy(q, qi, r, ri, JACOBIAN_SIZE);
      return;
    }
    if (isInfinity(q, qi)) {
      System.arraycopy(p, pi, r, ri, JACOBIAN_SIZE);
      return;
    }
    Fp.sqr(p, pi + Z, t, 0); // Z1Z1
    Fp.sqr(q, qi + Z, t, 4); // Z2Z2
    Fp.mul(p, pi + X, t, 4, t, 8); // U1 = X1·Z2Z2
    Fp.mul(q, qi + X, t, 0, t, 12); // U2 = X2·Z1Z1
    Fp.mul(p, pi + Y, q, qi + Z, t, 16); // S1 = Y1·Z2·Z2Z2
    Fp.mul(t, 16, t, 4, t, 16);
    Fp.mul(q, qi + Y, p, pi + Z, t, 20); // S2 = Y2·Z1·Z1Z1
    Fp.mul(t, 20, t, 0, t, 20);
    Fp.sub(t, 12, t, 8, t, 24); // H = U2 - U1
    Fp.sub(t, 20, t, 16, t, 28); // rr = S2 - S1
    if (Fp.isZero(t, 24)) {
      if (Fp.isZero(t, 28)) {
        dbl(p, pi, r, ri);
      } else {
        setInfinity(r, ri);
      }
      return;
    }
    Fp.dbl(t, 24, t, 32); // I = (2H)^2
    Fp.sqr(t, 32, t, 32);
    Fp.mul(t, 24, t, 32, t, 36); // J = H·I
    Fp.dbl(t, 28, t, 28); // rr = 2(S2 - S1)
    Fp.mul(t, 8, t, 32, t, 40); // V = U1·I
    // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2)·H, computed before r is written because r may alias p or q.
    Fp.add(p, pi + Z, q, qi + Z, t, 44);
    Fp.sqr(t, 44, t, 44);
    Fp.sub(t, 44, t, 0, t, 44);
    Fp.sub(t, 44, t, 4, t, 44);
    Fp.mul(t, 44, t, 24, r, ri + Z);
    Fp.sqr(t, 28, t, 0); // X3 = rr^2 - J - 2V
    Fp.sub(t, 0, t, 36, t, 0);
    Fp.sub(t, 0, t, 40, t, 0);
    Fp.sub(t, 0, t, 40, r, ri + X);
    Fp.sub(t, 40, r, ri + X, t, 4); // Y3 = rr(V - X3) - 2·S1·J
    Fp.mul(t, 28, t, 4, t, 4);
    Fp.mul(t, 16, t, 36, t, 8);
    Fp.dbl(t, 8, t, 8);
    Fp.sub(t, 4, t, 8, r, ri + Y);
  }

  /**
   * r = [k]p for an affine, non-infinity p and a 256-bit scalar k given as little-endian limbs
   * (plain, not Montgomery). The scalar is not reduced mod r first; [k]p is the same either way.
   *
   * <p>Fixed 4-bit windows: a table of 0·p..15·p, then per window four doublings and at most one
   * addition, about 64 additions instead of up to 256 for bit-by-bit double-and-add. The running
   * time depends on the scalar, which is public in the EVM.
   */
  void mul(long[] p, int pi, long[] k, long[] r, int ri) {
    final long[] table = new long[WINDOW_ENTRIES * JACOBIAN_SIZE];
    setInfinity(table, 0);
    fromAffine(p, pi, table, JACOBIAN_SIZE);
    for (int i = 2; i < WINDOW_ENTRIES; i++) {
      add(table, (i - 1) * JACOBIAN_SIZE, table, JACOBIAN_SIZE, table, i * JACOBIAN_SIZE);
    }
    final long[] acc = new long[JACOBIAN_SIZE];
    setInfinity(acc, 0);
    for (int window = k.length * 64 / WINDOW_BITS - 1; window >= 0; window--) {
      if (!isInfinity(acc, 0)) {
        for (int i = 0; i < WINDOW_BITS; i++) {
          dbl(acc, 0, acc, 0);
        }
      }
      final int bit = window * WINDOW_BITS;
      final int digit = (int) (k[bit >>> 6] >>> (bit & 63)) & (WINDOW_ENTRIES - 1);
      if (digit != 0) {
        add(acc, 0, table, digit * JACOBIAN_SIZE, acc, 0);
      }
    }
    System.arraycopy(acc, 0, r, ri, JACOBIAN_SIZE);
  }

  /**
   * r = the affine form of a Jacobian point; infinity becomes (0, 0), the EIP-196 encoding. One
   * field inversion.
   */
  void toAffine(long[] p, int pi, long[] r, int ri) {
    if (isInfinity(p, pi)) {
      Fp.setZero(r, ri + X);
      Fp.setZero(r, ri + Y);
      return;
    }
    Fp.inverse(p, pi + Z, t, 0);
    Fp.sqr(t, 0, t, 4);
    Fp.mul(t, 0, t, 4, t, 0);
    Fp.mul(p, pi + X, t, 4, t, 4);
    Fp.mul(p, pi + Y, t, 0, r, ri + Y);
    Fp.copy(t, 4, r, ri + X);
  }
}
