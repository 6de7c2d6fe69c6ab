package org.megaeth.evm.precompile.bn254;

import java.util.Arrays;

/**
 * Arithmetic in Fp12 = Fp6[w]/(w^2 - v), the target group of the pairing.
 *
 * <p>An element is 48 longs at an offset: the {@link Fp6} coefficients c0 (offset 0) and c1 (offset
 * 24) of 1 and w. Since w^2 = v and v^3 = ξ, w^6 = ξ, so the element is also the sum over k of an
 * Fp2 coefficient times w^k: c0 = (g0, g1, g2) holds w^0, w^2, w^4 and c1 = (h0, h1, h2) holds w^1,
 * w^3, w^5. The Frobenius maps and the cyclotomic squaring use that view.
 *
 * <p>Instance methods use this object's scratch space, so an instance must not be shared between
 * threads. Outputs may alias inputs.
 *
 * <p>Hot code: benchmark before refactoring ({@code org.megaeth.benchmarks.Bn254Benchmark}).
 */
final class Fp12 {

  /** Longs per element. */
  static final int SIZE = 2 * Fp6.SIZE;

  private static final int C1 = Fp6.SIZE;

  /** (p - 1) / 6, little-endian limbs: exponent of ξ in the Frobenius coefficients. */
  private static final long[] P_MINUS_1_DIV_6 = {
    0x34b017592414d4e1L, 0xee9591c2e6bda1c2L, 0xf40d60f3c0403964L, 0x0810b7bdd032f006L
  };

  /** The BN parameter u (x in some papers) that generates p and r; positive for BN254. */
  static final long BN_U = 4965661367192848881L;

  /**
   * Non-adjacent form of u, most significant digit first: 24 non-zero digits instead of 28 set
   * bits, and a negative digit costs nothing extra wherever inversion is cheap (conjugation in the
   * cyclotomic subgroup, negation on curves).
   */
  static final byte[] U_NAF = {
    1, 0, 0, 0, 1, 0, 1, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, 0, 1, 0, 1, 0, -1, 0, -1, 0, -1, 0, 1, 0,
    0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, -1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, -1, 0, 0,
    0, 1
  };

  /**
   * Frobenius coefficients γ(j, k) = ξ^(k(p^j - 1)/6) for j = 1, 2, 3 and k = 1..5, each an Fp2
   * element: (c·w^k)^(p^j) = c^(p^j)·γ(j, k)·w^k. Read-only after class initialisation.
   */
  private static final long[] GAMMA = frobeniusCoefficients();

  final Fp6 fp6;
  final Fp2 fp2;
  // Scratch: 0..95 for mul/sqr/mulByLine/cyclotomicSqr, then the accumulator, the base and its
  // inverse for cyclotomicExpByU.
  private static final int EXP_ACC = 4 * Fp6.SIZE;
  private static final int EXP_BASE = EXP_ACC + SIZE;
  private static final int EXP_BASE_INVERSE = EXP_BASE + SIZE;
  private final long[] t = new long[EXP_BASE_INVERSE + SIZE];

  Fp12(Fp6 fp6) {
    this.fp6 = fp6;
    this.fp2 = fp6.fp2;
  }

  /** Offset in {@link #gamma()} of γ(power, k). */
  static int gammaOffset(int power, int k) {
    return ((power - 1) * 5 + (k - 1)) * Fp2.SIZE;
  }

  /** The Frobenius coefficient table; see {@link #gammaOffset}. Callers must not modify it. */
  static long[] gamma() {
    return GAMMA;
  }

  /** r = a·b: Karatsuba over Fp6, three Fp6 multiplications. */
  void mul(long[] a, int ai, long[] b, int bi, long[] r, int ri) {
    fp6.mul(a, ai, b, bi, t, 0);
    fp6.mul(a, ai + C1, b, bi + C1, t, 24);
    Fp6.add(a, ai, a, ai + C1, t, 48);
    Fp6.add(b, bi, b, bi + C1, t, 72);
    fp6.mul(t, 48, t, 72, t, 48);
    Fp6.sub(t, 48, t, 0, t, 48);
    Fp6.sub(t, 48, t, 24, r, ri + C1);
    fp6.mulByV(t, 24, t, 24);
    Fp6.add(t, 0, t, 24, r, ri);
  }

  /**
   * r = a^2 with the complex-squaring formula: for t = a0a1, c0 = (a0 + a1)(a0 + v·a1) - t - v·t
   * and c1 = 2t. Two Fp6 multiplications.
   */
  void sqr(long[] a, int ai, long[] r, int ri) {
    fp6.mul(a, ai, a, ai + C1, t, 0);
    Fp6.add(a, ai, a, ai + C1, t, 24);
    fp6.mulByV(a, ai + C1, t, 48);
    Fp6.add(t, 48, a, ai, t, 48);
    fp6.mul(t, 24, t, 48, t, 24);
    Fp6.sub(t, 24, t, 0, t, 24);
    fp6.mulByV(t, 0, t, 48);
    Fp6.sub(t, 24, t, 48, r, ri);
    Fp6.add(t, 0, t, 0, r, ri + C1);
  }

  /**
   * r = a·l for a Miller-loop line l = l0 + l1·w + l3·w^3, whose three coefficients are the Fp2
   * elements at {@code line[li]}, {@code line[li + 8]} and {@code line[li + 16]}. In the Fp6 view l
   * is (l0, 0, 0) + (l1, l3, 0)·w, so the product needs about 13 Fp2 multiplications instead of 18.
   */
  void mulByLine(long[] a, int ai, long[] line, int li, long[] r, int ri) {
    final int l0 = li;
    final int l1 = li + Fp2.SIZE;
    final int l3 = li + 2 * Fp2.SIZE;
    // t0 = a0·l0
    fp6.mulByFp2(a, ai, line, l0, t, 0);
    // t1 = a1·(l1 + l3·v)
    fp6.mulBy01(a, ai + C1, line, l1, l3, t, 24);
    // (a0 + a1)·(l0 + l1 + l3·v); the sum l0 + l1 goes in the scratch after the sums of a.
    Fp6.add(a, ai, a, ai + C1, t, 48);
    Fp2.add(line, l0, line, l1, t, 72);
    Fp2.copy(line, l3, t, 80);
    fp6.mulBy01(t, 48, t, 72, 80, t, 48);
    Fp6.sub(t, 48, t, 0, t, 48);
    Fp6.sub(t, 48, t, 24, r, ri + C1);
    fp6.mulByV(t, 24, t, 24);
    Fp6.add(t, 0, t, 24, r, ri);
  }

  /** r = a^-1 = (a0 - a1·w) / (a0^2 - v·a1^2). */
  void inverse(long[] a, int ai, long[] r, int ri) {
    fp6.mul(a, ai, a, ai, t, 0);
    fp6.mul(a, ai + C1, a, ai + C1, t, 24);
    fp6.mulByV(t, 24, t, 24);
    Fp6.sub(t, 0, t, 24, t, 0);
    fp6.inverse(t, 0, t, 0);
    fp6.mul(a, ai, t, 0, r, ri);
    fp6.mul(a, ai + C1, t, 0, t, 24);
    Fp6.neg(t, 24, r, ri + C1);
  }

  /**
   * r = a^(p^power) for power 1, 2 or 3: each coefficient c·w^k becomes c^(p^power)·γ(power,
   * k)·w^k, where c^p is the Fp2 conjugate.
   */
  void frobenius(long[] a, int ai, int power, long[] r, int ri) {
    final boolean conjugate = (power & 1) == 1;
    for (int slot = 0; slot < 6; slot++) {
      final int offset = slot * Fp2.SIZE;
      // Slots 0, 1, 2 are g0, g1, g2 (w^0, w^2, w^4); slots 3, 4, 5 are h0, h1, h2 (w^1, w^3, w^5).
      final int k = slot < 3 ? 2 * slot : 2 * (slot - 3) + 1;
      if (conjugate) {
        Fp2.conjugate(a, ai + offset, r, ri + offset);
      } else {
        Fp2.copy(a, ai + offset, r, ri + offset);
      }
      if (k != 0) {
        fp2.mul(r, ri + offset, GAMMA, gammaOffset(power, k), r, ri + offset);
      }
    }
  }

  /**
   * r = a^2 for a in the cyclotomic subgroup (a^(p^4 - p^2 + 1) = 1), which holds after the easy
   * part of the final exponentiation. Granger and Scott, "Faster squaring in the cyclotomic
   * subgroup of sixth degree extensions" (PKC 2010): view Fp12 as Fp4[t]/(t^3 - s) with Fp4 =
   * Fp2[s]/(s^2 - ξ), s = w^3, t = w, so a = A0 + A1·t + A2·t^2 with A0 = g0 + h1·s, A1 = h0 +
   * g2·s, A2 = g1 + h2·s. Then a^2 = (3A0^2 - 2·conj(A0)) + (3s·A2^2 + 2·conj(A1))·t + (3A1^2 -
   * 2·conj(A2))·t^2, where conj(x + y·s) = x - y·s. Nine Fp2 squarings instead of twelve Fp2
   * multiplications.
   */
  void cyclotomicSqr(long[] a, int ai, long[] r, int ri) {
    final int g0 = ai;
    final int g1 = ai + Fp2.SIZE;
    final int g2 = ai + 2 * Fp2.SIZE;
    final int h0 = ai + C1;
    final int h1 = ai + C1 + Fp2.SIZE;
    final int h2 = ai + C1 + 2 * Fp2.SIZE;
    // Fp4 squares into the scratch: A0^2 at 0/8, A1^2 at 16/24, A2^2 at 32/40 (x then y part).
    fp4Sqr(a, g0, h1, 0);
    fp4Sqr(a, h0, g2, 16);
    fp4Sqr(a, g1, h2, 32);
    // s·A2^2 = ξ·y + x·s
    fp2.mulByXi(t, 40, t, 48);
    Fp2.copy(t, 32, t, 40);
    Fp2.copy(t, 48, t, 32);
    // Result coefficients, each 3·square ∓ 2·conj(input): x part 3X - 2x, y part 3Y + 2y.
    combine(t, 0, a, g0, false, r, ri);
    combine(t, 8, a, h1, true, r, ri + C1 + Fp2.SIZE);
    combine(t, 32, a, h0, true, r, ri + C1);
    combine(t, 40, a, g2, false, r, ri + 2 * Fp2.SIZE);
    combine(t, 16, a, g1, false, r, ri + Fp2.SIZE);
    combine(t, 24, a, h2, true, r, ri + C1 + 2 * Fp2.SIZE);
  }

  /**
   * r = a^BN_U for a in the cyclotomic subgroup, by signed square-and-multiply over the NAF of u
   * (the inverse of a is its conjugate there).
   */
  void cyclotomicExpByU(long[] a, int ai, long[] r, int ri) {
    copy(a, ai, t, EXP_ACC);
    copy(a, ai, t, EXP_BASE);
    conjugate(a, ai, t, EXP_BASE_INVERSE);
    for (int i = 1; i < U_NAF.length; i++) {
      cyclotomicSqr(t, EXP_ACC, t, EXP_ACC);
      if (U_NAF[i] != 0) {
        mul(t, EXP_ACC, t, U_NAF[i] > 0 ? EXP_BASE : EXP_BASE_INVERSE, t, EXP_ACC);
      }
    }
    copy(t, EXP_ACC, r, ri);
  }

  /** Fp4 squaring (x + y·s)^2 = (x^2 + ξy^2) + 2xy·s, writing x then y part at scratch offset. */
  private void fp4Sqr(long[] a, int x, int y, int out) {
    fp2.sqr(a, x, t, 56);
    fp2.sqr(a, y, t, 64);
    Fp2.add(a, x, a, y, t, 72);
    fp2.sqr(t, 72, t, 72);
    Fp2.sub(t, 72, t, 56, t, 72);
    Fp2.sub(t, 72, t, 64, t, out + Fp2.SIZE);
    fp2.mulByXi(t, 64, t, 64);
    Fp2.add(t, 56, t, 64, t, out);
  }

  /** r = 3·sq + 2·in when plus, else 3·sq - 2·in. */
  private void combine(long[] sq, int si, long[] in, int ii, boolean plus, long[] r, int ri) {
    if (plus) {
      Fp2.add(sq, si, in, ii, t, 56);
    } else {
      Fp2.sub(sq, si, in, ii, t, 56);
    }
    Fp2.dbl(t, 56, t, 56);
    Fp2.add(t, 56, sq, si, r, ri);
  }

  /** r = a^(p^6), which is the inverse for elements of the cyclotomic subgroup. */
  static void conjugate(long[] a, int ai, long[] r, int ri) {
    Fp6.copy(a, ai, r, ri);
    Fp6.neg(a, ai + C1, r, ri + C1);
  }

  static void copy(long[] a, int ai, long[] r, int ri) {
    System.arraycopy(a, ai, r, ri, SIZE);
  }

  static void setOne(long[] r, int ri) {
    Arrays.fill(r, ri, ri + SIZE, 0L);
    Fp.setOne(r, ri);
  }

  static boolean isOne(long[] a, int ai) {
    if (!Fp.equal(a, ai, Fp.ONE, 0)) {
      return false;
    }
    for (int i = ai + Fp.LIMBS; i < ai + SIZE; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean equal(long[] a, int ai, long[] b, int bi) {
    return Arrays.equals(a, ai, ai + SIZE, b, bi, bi + SIZE);
  }

  /**
   * γ(1, k) = ξ^(k(p - 1)/6) by exponentiation; the others follow without further exponentiation
   * because γ(1, k) lies in Fp2, whose Frobenius is conjugation: γ(2, k) = γ(1, k)^(p + 1) = γ(1,
   * k)·conj(γ(1, k)) and γ(3, k) = γ(1, k)^(p^2 + p + 1) = γ(1, k)·γ(2, k).
   */
  private static long[] frobeniusCoefficients() {
    final Fp2 fp2 = new Fp2();
    final long[] gamma = new long[15 * Fp2.SIZE];
    final long[] xi = new long[Fp2.SIZE];
    Fp.fromLong(9, xi, 0);
    Fp.fromLong(1, xi, Fp.LIMBS);
    fp2.pow(xi, 0, P_MINUS_1_DIV_6, gamma, gammaOffset(1, 1));
    for (int k = 2; k <= 5; k++) {
      fp2.mul(gamma, gammaOffset(1, k - 1), gamma, gammaOffset(1, 1), gamma, gammaOffset(1, k));
    }
    final long[] conj = new long[Fp2.SIZE];
    for (int k = 1; k <= 5; k++) {
      Fp2.conjugate(gamma, gammaOffset(1, k), conj, 0);
      fp2.mul(gamma, gammaOffset(1, k), conj, 0, gamma, gammaOffset(2, k));
      fp2.mul(gamma, gammaOffset(1, k), gamma, gammaOffset(2, k), gamma, gammaOffset(3, k));
    }
    return gamma;
  }
}
