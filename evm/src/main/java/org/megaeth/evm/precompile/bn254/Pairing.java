package org.megaeth.evm.precompile.bn254;

/**
 * The optimal ate pairing on BN254 and the EIP-197 product check.
 *
 * <p>The Miller loop runs over the NAF of 6u + 2 with one shared accumulator for all pairs (so the
 * Fp12 squarings are paid once), keeps the G2 points in homogeneous projective coordinates on the
 * twist and multiplies sparse line values straight into the accumulator. The final exponentiation
 * is the easy part (p^6 - 1)(p^2 + 1) followed by the hard part (p^4 - p^2 + 1)/r written in base p
 * (Scott, Benger, Charlemagne, Dominguez Perez and Kachisa, "On the final exponentiation for
 * calculating pairings on ordinary elliptic curves", Pairing 2009).
 *
 * <p>Line values are only computed up to a factor in Fp2; the final exponentiation maps every such
 * factor to 1, because Fp2* has order p^2 - 1, which divides (p^12 - 1)/r.
 *
 * <p>An instance holds scratch space and must not be shared between threads.
 *
 * <p>Hot code: benchmark before refactoring ({@code org.megaeth.benchmarks.Bn254Benchmark}).
 */
final class Pairing {

  /**
   * Non-adjacent form of 6u + 2 = 29793968203157093288, most significant digit first. It has 22
   * non-zero digits where binary has 37 set bits, and each one costs a line addition per pair.
   */
  static final byte[] ATE_LOOP_NAF = {
    1, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 0, -1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 0,
    -1, 0, 1, 0, 0, -1, 0, 0, 0, 0, -1, 0, 1, 0, 0, 0, -1, 0, -1, 0, 0, 1, 0, 0, 0, -1, 0, 0, -1, 0,
    1, 0, 1, 0, 0, 0
  };

  // Per-pair state: P affine (8 longs), Q affine (16), -Q affine (16), T projective (24).
  private static final int PAIR_P = 0;
  private static final int PAIR_Q = PAIR_P + G1.AFFINE_SIZE;
  private static final int PAIR_NEG_Q = PAIR_Q + G2.AFFINE_SIZE;
  private static final int PAIR_T = PAIR_NEG_Q + G2.AFFINE_SIZE;
  private static final int PAIR_SIZE = PAIR_T + G2.JACOBIAN_SIZE;

  private static final int X = 0;
  private static final int Y = Fp2.SIZE;
  private static final int Z = 2 * Fp2.SIZE;

  /** 3b', used by the doubling step. */
  private static final long[] THREE_TWIST_B = new long[Fp2.SIZE];

  static {
    Fp2.dbl(G2.TWIST_B, 0, THREE_TWIST_B, 0);
    Fp2.add(THREE_TWIST_B, 0, G2.TWIST_B, 0, THREE_TWIST_B, 0);
  }

  private final Fp2 fp2;
  private final Fp12 fp12;
  private final G2 g2;

  /** Scratch for the line steps. */
  private final long[] s = new long[12 * Fp2.SIZE];

  /** The line value l0 + l1·w + l3·w^3 (three Fp2 coefficients). */
  private final long[] line = new long[3 * Fp2.SIZE];

  Pairing(Fp12 fp12, G2 g2) {
    this.fp12 = fp12;
    this.fp2 = fp12.fp2;
    this.g2 = g2;
  }

  /**
   * Whether the product of e(P_i, Q_i) over all pairs is 1. {@code g1} holds {@code count} affine
   * G1 points and {@code g2Points} as many affine G2 points; none may be infinity (those pairs
   * contribute 1 and the caller drops them) and all must be valid group elements.
   */
  boolean isProductOne(long[] g1, long[] g2Points, int count) {
    if (count == 0) {
      return true;
    }
    final long[] f = new long[Fp12.SIZE];
    millerLoop(g1, g2Points, count, f);
    finalExponentiation(f, f);
    return Fp12.isOne(f, 0);
  }

  /** f = the product of the Miller loops f_{6u+2,Q}(P) with the two Frobenius correction lines. */
  void millerLoop(long[] g1, long[] g2Points, int count, long[] f) {
    final long[] pairs = new long[count * PAIR_SIZE];
    for (int i = 0; i < count; i++) {
      final int base = i * PAIR_SIZE;
      System.arraycopy(g1, i * G1.AFFINE_SIZE, pairs, base + PAIR_P, G1.AFFINE_SIZE);
      System.arraycopy(g2Points, i * G2.AFFINE_SIZE, pairs, base + PAIR_Q, G2.AFFINE_SIZE);
      Fp2.copy(pairs, base + PAIR_Q + X, pairs, base + PAIR_NEG_Q + X);
      Fp2.neg(pairs, base + PAIR_Q + Y, pairs, base + PAIR_NEG_Q + Y);
      // With Z = 1, homogeneous projective and Jacobian coordinates agree.
      G2.fromAffine(pairs, base + PAIR_Q, pairs, base + PAIR_T);
    }

    Fp12.setOne(f, 0);
    for (int bit = 1; bit < ATE_LOOP_NAF.length; bit++) {
      if (bit > 1) {
        // f starts at 1, so the first squaring would be wasted.
        fp12.sqr(f, 0, f, 0);
      }
      for (int i = 0; i < count; i++) {
        final int base = i * PAIR_SIZE;
        doublingStep(pairs, base + PAIR_T, pairs, base + PAIR_P);
        fp12.mulByLine(f, 0, line, 0, f, 0);
      }
      final int digit = ATE_LOOP_NAF[bit];
      if (digit != 0) {
        for (int i = 0; i < count; i++) {
          final int base = i * PAIR_SIZE;
          final int q = base + (digit > 0 ? PAIR_Q : PAIR_NEG_Q);
          additionStep(pairs, base + PAIR_T, pairs, q, pairs, base + PAIR_P);
          fp12.mulByLine(f, 0, line, 0, f, 0);
        }
      }
    }

    // Optimal ate correction: add the lines through T, ψ(Q) and then -ψ^2(Q).
    final long[] q1 = new long[G2.AFFINE_SIZE];
    for (int i = 0; i < count; i++) {
      final int base = i * PAIR_SIZE;
      g2.psi(pairs, base + PAIR_Q, q1, 0);
      additionStep(pairs, base + PAIR_T, q1, 0, pairs, base + PAIR_P);
      fp12.mulByLine(f, 0, line, 0, f, 0);
      g2.psiSquared(pairs, base + PAIR_Q, q1, 0);
      Fp2.neg(q1, Y, q1, Y);
      additionStep(pairs, base + PAIR_T, q1, 0, pairs, base + PAIR_P);
      fp12.mulByLine(f, 0, line, 0, f, 0);
    }
  }

  /**
   * T = 2T (homogeneous projective on the twist) and {@link #line} = the tangent at the old T
   * evaluated at P. From the affine tangent, scaled by -2y·Z^2 (an Fp2 factor): l0 = -2YZ·yP, l1 =
   * 3X^2·xP, l3 = 3b'Z^2 - Y^2. The new point, with D = 3b'Z^2 and E = 3D, is X3 = 2XY(Y^2 - E), Y3
   * = (Y^2 + E)^2 - 12D^2, Z3 = 8Y^3·Z (Costello, Lange and Naehrig, "Faster pairing computations
   * on curves with high-degree twists", PKC 2010, scaled by 4 to avoid halving).
   */
  private void doublingStep(long[] tp, int ti, long[] p, int pi) {
    final int a = 0;
    final int b = 8;
    final int c = 16;
    final int d = 24;
    final int e = 32;
    final int yz = 40;
    final int xx = 48;
    final int tmp = 56;
    fp2.mul(tp, ti + X, tp, ti + Y, s, a); // A = XY
    fp2.sqr(tp, ti + Y, s, b); // B = Y^2
    fp2.sqr(tp, ti + Z, s, c); // C = Z^2
    fp2.mul(s, c, THREE_TWIST_B, 0, s, d); // D = 3b'C
    Fp2.dbl(s, d, s, e); // E = 3D
    Fp2.add(s, e, s, d, s, e);
    fp2.mul(tp, ti + Y, tp, ti + Z, s, yz); // YZ
    fp2.sqr(tp, ti + X, s, xx); // X^2

    // Line coefficients.
    Fp2.dbl(s, yz, s, tmp);
    Fp2.neg(s, tmp, s, tmp);
    Fp2.mulByFp(s, tmp, p, pi + Fp.LIMBS, line, 0); // l0 = -2YZ·yP
    Fp2.dbl(s, xx, s, tmp);
    Fp2.add(s, tmp, s, xx, s, tmp);
    Fp2.mulByFp(s, tmp, p, pi, line, Fp2.SIZE); // l1 = 3X^2·xP
    Fp2.sub(s, d, s, b, line, 2 * Fp2.SIZE); // l3 = 3b'Z^2 - Y^2

    // X3 = 2A(B - E)
    Fp2.sub(s, b, s, e, s, tmp);
    fp2.mul(s, a, s, tmp, s, tmp);
    Fp2.dbl(s, tmp, tp, ti + X);
    // Z3 = 8·B·YZ
    fp2.mul(s, b, s, yz, s, tmp);
    Fp2.dbl(s, tmp, s, tmp);
    Fp2.dbl(s, tmp, s, tmp);
    Fp2.dbl(s, tmp, tp, ti + Z);
    // Y3 = (B + E)^2 - 12D^2
    Fp2.add(s, b, s, e, s, tmp);
    fp2.sqr(s, tmp, s, tmp);
    fp2.sqr(s, d, s, d);
    Fp2.dbl(s, d, s, d); // 2D^2
    Fp2.add(s, d, s, d, s, a); // 4D^2
    Fp2.add(s, a, s, d, s, a); // 6D^2
    Fp2.dbl(s, a, s, a); // 12D^2
    Fp2.sub(s, tmp, s, a, tp, ti + Y);
  }

  /**
   * T = T + Q (T homogeneous projective, Q affine) and {@link #line} = the line through them
   * evaluated at P. With θ = Y - yQ·Z and λ = X - xQ·Z the slope is θ/λ; scaled by λ the line is l0
   * = λ·yP, l1 = -θ·xP, l3 = θ·xQ - λ·yQ. The new point: X3 = λH, Y3 = θ(G - H) - Y·λ^3, Z3 = Z·λ^3
   * with G = X·λ^2 and H = λ^3 + Z·θ^2 - 2G.
   */
  private void additionStep(long[] tp, int ti, long[] q, int qi, long[] p, int pi) {
    final int theta = 0;
    final int lambda = 8;
    final int lambda2 = 16;
    final int lambda3 = 24;
    final int g = 32;
    final int h = 40;
    final int tmp = 48;
    fp2.mul(q, qi + Y, tp, ti + Z, s, tmp);
    Fp2.sub(tp, ti + Y, s, tmp, s, theta);
    fp2.mul(q, qi + X, tp, ti + Z, s, tmp);
    Fp2.sub(tp, ti + X, s, tmp, s, lambda);

    // Line coefficients.
    Fp2.mulByFp(s, lambda, p, pi + Fp.LIMBS, line, 0); // l0 = λ·yP
    Fp2.neg(s, theta, s, tmp);
    Fp2.mulByFp(s, tmp, p, pi, line, Fp2.SIZE); // l1 = -θ·xP
    fp2.mul(s, theta, q, qi + X, s, tmp); // l3 = θ·xQ - λ·yQ
    fp2.mul(s, lambda, q, qi + Y, s, h);
    Fp2.sub(s, tmp, s, h, line, 2 * Fp2.SIZE);

    fp2.sqr(s, lambda, s, lambda2);
    fp2.mul(s, lambda, s, lambda2, s, lambda3);
    fp2.mul(tp, ti + X, s, lambda2, s, g); // G = X·λ^2
    fp2.sqr(s, theta, s, h); // H = λ^3 + Z·θ^2 - 2G
    fp2.mul(s, h, tp, ti + Z, s, h);
    Fp2.add(s, h, s, lambda3, s, h);
    Fp2.sub(s, h, s, g, s, h);
    Fp2.sub(s, h, s, g, s, h);
    fp2.mul(s, lambda, s, h, tp, ti + X); // X3 = λH
    Fp2.sub(s, g, s, h, s, g); // Y3 = θ(G - H) - Y·λ^3
    fp2.mul(s, theta, s, g, s, g);
    fp2.mul(tp, ti + Y, s, lambda3, s, tmp);
    Fp2.sub(s, g, s, tmp, tp, ti + Y);
    fp2.mul(tp, ti + Z, s, lambda3, tp, ti + Z); // Z3 = Z·λ^3
  }

  /** r = f^((p^12 - 1)/r). */
  void finalExponentiation(long[] f, long[] r) {
    final int size = Fp12.SIZE;
    final long[] w = new long[12 * size];
    final int t0 = 0;
    final int t1 = size;
    final int fx = 2 * size;
    final int fx2 = 3 * size;
    final int fx3 = 4 * size;
    final int y0 = 5 * size;
    final int y1 = 6 * size;
    final int y2 = 7 * size;
    final int y3 = 8 * size;
    final int y4 = 9 * size;
    final int y5 = 10 * size;
    final int y6 = 11 * size;

    // Easy part: f^(p^6 - 1) = conj(f)/f, then ^(p^2 + 1). The result lies in the cyclotomic
    // subgroup, where the inverse is the conjugate and squaring has a cheaper formula.
    fp12.inverse(f, 0, w, t0);
    Fp12.conjugate(f, 0, w, t1);
    fp12.mul(w, t1, w, t0, w, t0);
    fp12.frobenius(w, t0, 2, w, t1);
    fp12.mul(w, t1, w, t0, w, t0);
    final int m = t0;

    // Hard part: m^(λ3·p^3 + λ2·p^2 + λ1·p + λ0) with λ3 = 1, λ2 = 6u^2 + 1,
    // λ1 = -36u^3 - 18u^2 - 12u + 1, λ0 = -36u^3 - 30u^2 - 18u - 2, evaluated as
    // y0·y1^2·y2^6·y3^12·y4^18·y5^30·y6^36 with
    fp12.cyclotomicExpByU(w, m, w, fx);
    fp12.cyclotomicExpByU(w, fx, w, fx2);
    fp12.cyclotomicExpByU(w, fx2, w, fx3);
    // y0 = m^p·m^(p^2)·m^(p^3)
    fp12.frobenius(w, m, 1, w, y0);
    fp12.frobenius(w, m, 2, w, y1);
    fp12.mul(w, y0, w, y1, w, y0);
    fp12.frobenius(w, m, 3, w, y1);
    fp12.mul(w, y0, w, y1, w, y0);
    // y1 = 1/m
    Fp12.conjugate(w, m, w, y1);
    // y2 = (m^(u^2))^(p^2)
    fp12.frobenius(w, fx2, 2, w, y2);
    // y3 = 1/(m^u)^p
    fp12.frobenius(w, fx, 1, w, y3);
    Fp12.conjugate(w, y3, w, y3);
    // y4 = 1/(m^u·(m^(u^2))^p)
    fp12.frobenius(w, fx2, 1, w, y4);
    fp12.mul(w, y4, w, fx, w, y4);
    Fp12.conjugate(w, y4, w, y4);
    // y5 = 1/m^(u^2)
    Fp12.conjugate(w, fx2, w, y5);
    // y6 = 1/(m^(u^3)·(m^(u^3))^p)
    fp12.frobenius(w, fx3, 1, w, y6);
    fp12.mul(w, y6, w, fx3, w, y6);
    Fp12.conjugate(w, y6, w, y6);

    // Vectorial addition chain for the exponents (1, 2, 6, 12, 18, 30, 36).
    fp12.cyclotomicSqr(w, y6, w, t0);
    fp12.mul(w, t0, w, y4, w, t0);
    fp12.mul(w, t0, w, y5, w, t0);
    fp12.mul(w, y3, w, y5, w, t1);
    fp12.mul(w, t1, w, t0, w, t1);
    fp12.mul(w, t0, w, y2, w, t0);
    fp12.cyclotomicSqr(w, t1, w, t1);
    fp12.mul(w, t1, w, t0, w, t1);
    fp12.cyclotomicSqr(w, t1, w, t1);
    fp12.mul(w, t1, w, y1, w, t0);
    fp12.mul(w, t1, w, y0, w, t1);
    fp12.cyclotomicSqr(w, t0, w, t0);
    fp12.mul(w, t1, w, t0, r, 0);
  }
}
