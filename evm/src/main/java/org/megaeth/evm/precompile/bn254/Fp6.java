package org.megaeth.evm.precompile.bn254;

import java.util.Arrays;

/**
 * Arithmetic in Fp6 = Fp2[v]/(v^3 - ξ), ξ = 9 + i.
 *
 * <p>An element is 24 longs at an offset: the {@link Fp2} coefficients c0, c1, c2 of 1, v, v^2.
 * Instance methods use this object's scratch space (and its {@link Fp2} unit), so an instance must
 * not be shared between threads. Outputs may alias inputs.
 *
 * <p>Hot code: benchmark before refactoring ({@code org.megaeth.benchmarks.Bn254Benchmark}).
 */
final class Fp6 {

  /** Longs per element. */
  static final int SIZE = 3 * Fp2.SIZE;

  private static final int C1 = Fp2.SIZE;
  private static final int C2 = 2 * Fp2.SIZE;

  // Scratch layout: three products, three result coefficients, two sums.
  private static final int T0 = 0;
  private static final int T1 = 8;
  private static final int T2 = 16;
  private static final int R0 = 24;
  private static final int R1 = 32;
  private static final int R2 = 40;
  private static final int S0 = 48;
  private static final int S1 = 56;

  final Fp2 fp2;
  private final long[] t = new long[64];

  Fp6(Fp2 fp2) {
    this.fp2 = fp2;
  }

  /**
   * r = a·b with the Karatsuba-style formula (six Fp2 multiplications):
   *
   * <pre>
   * c0 = a0b0 + ξ((a1 + a2)(b1 + b2) - a1b1 - a2b2)
   * c1 = (a0 + a1)(b0 + b1) - a0b0 - a1b1 + ξ·a2b2
   * c2 = (a0 + a2)(b0 + b2) - a0b0 - a2b2 + a1b1
   * </pre>
   */
  void mul(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    fp2.mul(a, ai, b, bi, t, T0);
    fp2.mul(a, ai + C1, b, bi + C1, t, T1);
    fp2.mul(a, ai + C2, b, bi + C2, t, T2);

    Fp2.add(a, ai + C1, a, ai + C2, t, S0);
    Fp2.add(b, bi + C1, b, bi + C2, t, S1);
    fp2.mul(t, S0, t, S1, t, R0);
    Fp2.sub(t, R0, t, T1, t, R0);
    Fp2.sub(t, R0, t, T2, t, R0);
    fp2.mulByXi(t, R0, t, R0);
    Fp2.add(t, R0, t, T0, t, R0);

    Fp2.add(a, ai, a, ai + C1, t, S0);
    Fp2.add(b, bi, b, bi + C1, t, S1);
    fp2.mul(t, S0, t, S1, t, R1);
    Fp2.sub(t, R1, t, T0, t, R1);
    Fp2.sub(t, R1, t, T1, t, R1);
    fp2.mulByXi(t, T2, t, S0);
    Fp2.add(t, R1, t, S0, t, R1);

    Fp2.add(a, ai, a, ai + C2, t, S0);
    Fp2.add(b, bi, b, bi + C2, t, S1);
    fp2.mul(t, S0, t, S1, t, R2);
    Fp2.sub(t, R2, t, T0, t, R2);
    Fp2.sub(t, R2, t, T2, t, R2);
    Fp2.add(t, R2, t, T1, t, R2);

    System.arraycopy(t, R0, r, ri, SIZE);
  }

  /**
   * r = a·(b0 + b1·v), the shape of a Miller-loop line coefficient (five Fp2 multiplications
   * instead of six). b0 and b1 are Fp2 elements.
   */
  void mulBy01(long[] a, int ai, long[] b, int b0i, int b1i, long[] r, int ri) {
    fp2.mul(a, ai, b, b0i, t, T0);
    fp2.mul(a, ai + C1, b, b1i, t, T1);

    // c0 = a0b0 + ξ·a2b1
    fp2.mul(a, ai + C2, b, b1i, t, R0);
    fp2.mulByXi(t, R0, t, R0);
    Fp2.add(t, R0, t, T0, t, R0);

    // c1 = (a0 + a1)(b0 + b1) - a0b0 - a1b1
    Fp2.add(a, ai, a, ai + C1, t, S0);
    Fp2.add(b, b0i, b, b1i, t, S1);
    fp2.mul(t, S0, t, S1, t, R1);
    Fp2.sub(t, R1, t, T0, t, R1);
    Fp2.sub(t, R1, t, T1, t, R1);

    // c2 = a1b1 + a2b0
    fp2.mul(a, ai + C2, b, b0i, t, R2);
    Fp2.add(t, R2, t, T1, t, R2);

    System.arraycopy(t, R0, r, ri, SIZE);
  }

  /** r = a·s for s in Fp2. */
  void mulByFp2(long[] a, int ai, long[] s, int si, long[] r, int ri) {
    Fp2.copy(s, si, t, S0);
    fp2.mul(a, ai, t, S0, r, ri);
    fp2.mul(a, ai + C1, t, S0, r, ri + C1);
    fp2.mul(a, ai + C2, t, S0, r, ri + C2);
  }

  /** r = a·v = ξ·a2 + a0·v + a1·v^2. */
  void mulByV(long[] a, int ai, long[] r, int ri) {
    fp2.mulByXi(a, ai + C2, t, S0);
    Fp2.copy(a, ai + C1, r, ri + C2);
    Fp2.copy(a, ai, r, ri + C1);
    Fp2.copy(t, S0, r, ri);
  }

  /**
   * r = a^-1. With t0 = a0^2 - ξa1a2, t1 = ξa2^2 - a0a1, t2 = a1^2 - a0a2, the inverse is (t0, t1,
   * t2) / (a0t0 + ξ(a2t1 + a1t2)).
   */
  void inverse(long[] a, int ai, long[] r, int ri) {
    fp2.sqr(a, ai, t, R0);
    fp2.mul(a, ai + C1, a, ai + C2, t, S0);
    fp2.mulByXi(t, S0, t, S0);
    Fp2.sub(t, R0, t, S0, t, R0);

    fp2.sqr(a, ai + C2, t, R1);
    fp2.mulByXi(t, R1, t, R1);
    fp2.mul(a, ai, a, ai + C1, t, S0);
    Fp2.sub(t, R1, t, S0, t, R1);

    fp2.sqr(a, ai + C1, t, R2);
    fp2.mul(a, ai, a, ai + C2, t, S0);
    Fp2.sub(t, R2, t, S0, t, R2);

    fp2.mul(a, ai + C2, t, R1, t, S0);
    fp2.mul(a, ai + C1, t, R2, t, S1);
    Fp2.add(t, S0, t, S1, t, S0);
    fp2.mulByXi(t, S0, t, S0);
    fp2.mul(a, ai, t, R0, t, S1);
    Fp2.add(t, S0, t, S1, t, S0);
    fp2.inverse(t, S0, t, S0);

    fp2.mul(t, R0, t, S0, r, ri);
    fp2.mul(t, R1, t, S0, r, ri + C1);
    fp2.mul(t, R2, t, S0, r, ri + C2);
  }

  static void add(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    Fp2.add(a, ai, b, bi, r, ri);
    Fp2.add(a, ai + C1, b, bi + C1, r, ri + C1);
    Fp2.add(a, ai + C2, b, bi + C2, r, ri + C2);
  }

  static void sub(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    Fp2.sub(a, ai, b, bi, r, ri);
    Fp2.sub(a, ai + C1, b, bi + C1, r, ri + C1);
    Fp2.sub(a, ai + C2, b, bi + C2, r, ri + C2);
  }

  static void neg(long[] a, int ai, long[] r, int ri) {
    Fp2.neg(a, ai, r, ri);
    Fp2.neg(a, ai + C1, r, ri + C1);
    Fp2.neg(a, ai + C2, r, ri + C2);
  }

  static void copy(long[] a, int ai, long[] r, int ri) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  static void setZero(long[] r, int ri) {
    Arrays.fill(r, ri, ri + SIZE, 0L);
  }

  static void setOne(long[] r, int ri) {
    setZero(r, ri);
    Fp2.setOne(r, ri);
  }

  static boolean isZero(long[] a, int ai) {
    return Fp2.isZero(a, ai) && Fp2.isZero(a, ai + C1) && Fp2.isZero(a, ai + C2);
  }

  static boolean equal(long[] a, int ai, long[] b, int bi) {
    return Arrays.equals(a, ai, ai + SIZE, b, bi, bi + SIZE);
  }
}
