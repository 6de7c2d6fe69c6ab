package org.megaeth.evm.precompile.bn254;

/**
 * Arithmetic in Fp2 = Fp[i]/(i^2 + 1).
 *
 * <p>An element is 8 longs at an offset in a {@code long[]}: the real part c0 then the imaginary
 * part c1, each an {@link Fp} element. Methods that need temporaries are instance methods using
 * this object's scratch space, so an instance must not be shared between threads; methods that need
 * none are static. As with {@link Fp}, outputs may alias inputs.
 *
 * <p>Hot code: benchmark before refactoring ({@code org.megaeth.benchmarks.Bn254Benchmark}).
 */
final class Fp2 {

  /** Longs per element. */
  static final int SIZE = 2 * Fp.LIMBS;

  private static final int C1 = Fp.LIMBS;

  /** Scratch: four Fp temporaries. */
  private final long[] t = new long[4 * Fp.LIMBS];

  /** r = a·b, Karatsuba: three base-field multiplications instead of four. */
  void mul(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    Fp.add(a, ai, a, ai + C1, t, 0);
    Fp.add(b, bi, b, bi + C1, t, 4);
    Fp.mul(t, 0, t, 4, t, 0);
    Fp.mul(a, ai, b, bi, t, 4);
    Fp.mul(a, ai + C1, b, bi + C1, t, 8);
    // From here on a and b are not read again, so writing r is safe.
    Fp.sub(t, 4, t, 8, r, ri);
    Fp.sub(t, 0, t, 4, t, 0);
    Fp.sub(t, 0, t, 8, r, ri + C1);
  }

  /** r = a^2 = (c0 + c1)(c0 - c1) + 2·c0·c1·i. */
  void sqr(long[] a, int ai, long[] r, int ri) {
    Fp.add(a, ai, a, ai + C1, t, 0);
    Fp.sub(a, ai, a, ai + C1, t, 4);
    Fp.mul(a, ai, a, ai + C1, t, 8);
    Fp.mul(t, 0, t, 4, r, ri);
    Fp.dbl(t, 8, r, ri + C1);
  }

  /**
   * r = a·ξ with ξ = 9 + i, the non-residue that defines Fp6 (and the twist): (9·c0 - c1) + (c0 +
   * 9·c1)·i. Nine is built from doublings because that is cheaper than a multiplication.
   */
  void mulByXi(long[] a, int ai, long[] r, int ri) {
    Fp.dbl(a, ai, t, 0);
    Fp.dbl(t, 0, t, 0);
    Fp.dbl(t, 0, t, 0);
    Fp.add(t, 0, a, ai, t, 0);
    Fp.sub(t, 0, a, ai + C1, t, 0);
    Fp.dbl(a, ai + C1, t, 4);
    Fp.dbl(t, 4, t, 4);
    Fp.dbl(t, 4, t, 4);
    Fp.add(t, 4, a, ai + C1, t, 4);
    Fp.add(t, 4, a, ai, r, ri + C1);
    Fp.copy(t, 0, r, ri);
  }

  /** r = a^-1 = conj(a) / (c0^2 + c1^2); the inverse of zero is zero. */
  void inverse(long[] a, int ai, long[] r, int ri) {
    Fp.sqr(a, ai, t, 0);
    Fp.sqr(a, ai + C1, t, 4);
    Fp.add(t, 0, t, 4, t, 0);
    Fp.inverse(t, 0, t, 0);
    Fp.mul(a, ai, t, 0, r, ri);
    Fp.mul(a, ai + C1, t, 0, t, 4);
    Fp.neg(t, 4, r, ri + C1);
  }

  /**
   * r = a^e for a plain exponent given as little-endian limbs. Used only to derive constants; it
   * allocates.
   */
  void pow(long[] a, int ai, long[] exponent, long[] r, int ri) {
    final long[] base = new long[SIZE];
    copy(a, ai, base, 0);
    final long[] acc = new long[SIZE];
    setOne(acc, 0);
    for (int bit = exponent.length * 64 - 1; bit >= 0; bit--) {
      sqr(acc, 0, acc, 0);
      if (((exponent[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        mul(acc, 0, base, 0, acc, 0);
      }
    }
    copy(acc, 0, r, ri);
  }

  /** r = a·s for s in Fp. s must not lie inside r's 8 longs. */
  static void mulByFp(long[] a, int ai, long[] s, int si, long[] r, int ri) {
    Fp.mul(a, ai, s, si, r, ri);
    Fp.mul(a, ai + C1, s, si, r, ri + C1);
  }

  static void add(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    Fp.add(a, ai, b, bi, r, ri);
    Fp.add(a, ai + C1, b, bi + C1, r, ri + C1);
  }

  static void sub(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    Fp.sub(a, ai, b, bi, r, ri);
    Fp.sub(a, ai + C1, b, bi + C1, r, ri + C1);
  }

  static void dbl(long[] a, int ai, long[] r, int ri) {
    Fp.dbl(a, ai, r, ri);
    Fp.dbl(a, ai + C1, r, ri + C1);
  }

  static void neg(long[] a, int ai, long[] r, int ri) {
    Fp.neg(a, ai, r, ri);
    Fp.neg(a, ai + C1, r, ri + C1);
  }

  /** r = c0 - c1·i, which is also a^p (the Frobenius map), since p = 3 mod 4. */
  static void conjugate(long[] a, int ai, long[] r, int ri) {
    Fp.copy(a, ai, r, ri);
    Fp.neg(a, ai + C1, r, ri + C1);
  }

  static void copy(long[] a, int ai, long[] r, int ri) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  static void setZero(long[] r, int ri) {
    Fp.setZero(r, ri);
    Fp.setZero(r, ri + C1);
  }

  static void setOne(long[] r, int ri) {
    Fp.setOne(r, ri);
    Fp.setZero(r, ri + C1);
  }

  static boolean isZero(long[] a, int ai) {
    return Fp.isZero(a, ai) && Fp.isZero(a, ai + C1);
  }

  static boolean equal(long[] a, int ai, long[] b, int bi) {
    return Fp.equal(a, ai, b, bi) && Fp.equal(a, ai + C1, b, bi + C1);
  }
}
