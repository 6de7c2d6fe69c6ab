package org.megaeth.evm.precompile.bn254;

/**
 * The group G2, represented on the sextic D-type twist E': y^2 = x^3 + 3/ξ over Fp2 (ξ = 9 + i), as
 * EIP-197 encodes it. G2 is the subgroup of order r of E'(Fp2); the whole group is larger (cofactor
 * 2p - r), so inputs need a subgroup check.
 *
 * <p>An affine point is 16 longs (x, y), each an {@link Fp2} element. A Jacobian point is 24 longs
 * (X, Y, Z) standing for (X/Z^2, Y/Z^3); Z = 0 is infinity. Methods use this object's scratch space
 * (and its {@link Fp2} unit), so an instance must not be shared between threads. Outputs may alias
 * inputs.
 */
final class G2 {

  /** Longs per affine point. */
  static final int AFFINE_SIZE = 2 * Fp2.SIZE;

  /** Longs per Jacobian point. */
  static final int JACOBIAN_SIZE = 3 * Fp2.SIZE;

  private static final int X = 0;
  private static final int Y = Fp2.SIZE;
  private static final int Z = 2 * Fp2.SIZE;

  /** The twist constant b' = 3/ξ. Read-only after class initialisation. */
  static final long[] TWIST_B = twistB();

  private final Fp2 fp2;
  private final long[] t = new long[16 * Fp2.SIZE];

  G2(Fp2 fp2) {
    this.fp2 = fp2;
  }

  /** Whether the affine point satisfies y^2 = x^3 + b'. */
  boolean isOnCurve(long[] q, int qi) {
    fp2.sqr(q, qi + Y, t, 0);
    fp2.sqr(q, qi + X, t, 8);
    fp2.mul(t, 8, q, qi + X, t, 8);
    Fp2.add(t, 8, TWIST_B, 0, t, 8);
    return Fp2.equal(t, 0, t, 8);
  }

  /**
   * Whether an affine point of E'(Fp2), not infinity, lies in the order-r subgroup G2, by the test
   * [u + 1]Q + ψ([u]Q) + ψ^2([u]Q) = ψ^3([2u]Q) (Dai, Lin, Zhao and Zhou, "Fast subgroup membership
   * testing for G1, G2 and GT on pairing-friendly curves", eprint 2022/348, section 5), which needs
   * a 63-bit scalar multiplication instead of a 254-bit one.
   *
   * <p>Why it is exact: ψ satisfies ψ^2 - tψ + p = 0 on E'(Fp2), so the test polynomial f(ψ) = (u +
   * 1) + uψ + uψ^2 - 2uψ^3 reduces to some a + bψ. On G2, ψ acts as [p], and f(p) = 0 mod r, so
   * every point of G2 passes. E'(Fp2) is G2 times a group of order h = 2p - r coprime to r, and a
   * point of that part passing would lie in the kernel of a + bψ, whose size divides the norm a^2 +
   * abt + b^2p; that norm is coprime to h, so only the identity of that part passes. {@code G2Test}
   * checks both number-theoretic facts.
   */
  boolean isInSubgroup(long[] q, int qi) {
    final long[] w = new long[5 * JACOBIAN_SIZE];
    final int uq = 0;
    final int lhs = JACOBIAN_SIZE;
    final int term = 2 * JACOBIAN_SIZE;
    final int base = 3 * JACOBIAN_SIZE;
    final int negBase = 4 * JACOBIAN_SIZE;
    fromAffine(q, qi, w, base);
    fromAffine(q, qi, w, negBase);
    Fp2.neg(w, negBase + Y, w, negBase + Y);

    // [u]Q by signed double-and-add over the NAF of u.
    System.arraycopy(w, base, w, uq, JACOBIAN_SIZE);
    for (int i = 1; i < Fp12.U_NAF.length; i++) {
      dbl(w, uq, w, uq);
      if (Fp12.U_NAF[i] != 0) {
        add(w, uq, w, Fp12.U_NAF[i] > 0 ? base : negBase, w, uq);
      }
    }
    // lhs = [u + 1]Q + ψ([u]Q) + ψ^2([u]Q)
    add(w, uq, w, base, w, lhs);
    psiJacobian(w, uq, w, term);
    add(w, lhs, w, term, w, lhs);
    psiSquaredJacobian(w, uq, w, term);
    add(w, lhs, w, term, w, lhs);
    // rhs = ψ^3([2u]Q), compared as lhs - rhs = O.
    dbl(w, uq, w, term);
    psiSquaredJacobian(w, term, w, term);
    psiJacobian(w, term, w, term);
    Fp2.neg(w, term + Y, w, term + Y);
    add(w, lhs, w, term, w, lhs);
    return isInfinity(w, lhs);
  }

  /**
   * r = ψ(p) for a Jacobian p. Conjugation is a field automorphism, so (X, Y, Z) maps to
   * (conj(X)·γ(1, 2), conj(Y)·γ(1, 3), conj(Z)), matching {@link #psi} on the affine point.
   */
  void psiJacobian(long[] p, int pi, long[] r, int ri) {
    Fp2.conjugate(p, pi + Z, r, ri + Z);
    psi(p, pi, r, ri);
  }

  /** r = ψ^2(p) for a Jacobian p: (X·γ(2, 2), Y·γ(2, 3), Z). */
  void psiSquaredJacobian(long[] p, int pi, long[] r, int ri) {
    Fp2.copy(p, pi + Z, r, ri + Z);
    psiSquared(p, pi, r, ri);
  }

  /**
   * r = ψ(q) for an affine q: untwist to E(Fp12), apply the p-power Frobenius, twist back. With the
   * untwist (x, y) -> (x·w^2, y·w^3) this is (conj(x)·γ(1, 2), conj(y)·γ(1, 3)).
   */
  void psi(long[] q, int qi, long[] r, int ri) {
    Fp2.conjugate(q, qi + X, r, ri + X);
    fp2.mul(r, ri + X, Fp12.gamma(), Fp12.gammaOffset(1, 2), r, ri + X);
    Fp2.conjugate(q, qi + Y, r, ri + Y);
    fp2.mul(r, ri + Y, Fp12.gamma(), Fp12.gammaOffset(1, 3), r, ri + Y);
  }

  /** r = ψ(ψ(q)) for an affine q, which is (x·γ(2, 2), y·γ(2, 3)) since Fp2 is fixed by p^2. */
  void psiSquared(long[] q, int qi, long[] r, int ri) {
    fp2.mul(q, qi + X, Fp12.gamma(), Fp12.gammaOffset(2, 2), r, ri + X);
    fp2.mul(q, qi + Y, Fp12.gamma(), Fp12.gammaOffset(2, 3), r, ri + Y);
  }

  /** r = the Jacobian form of an affine point (Z = 1). */
  static void fromAffine(long[] q, int qi, long[] r, int ri) {
    Fp2.copy(q, qi + X, r, ri + X);
    Fp2.copy(q, qi + Y, r, ri + Y);
    Fp2.setOne(r, ri + Z);
  }

  static void setInfinity(long[] r, int ri) {
    Fp2.setOne(r, ri + X);
    Fp2.setOne(r, ri + Y);
    Fp2.setZero(r, ri + Z);
  }

  static boolean isInfinity(long[] p, int pi) {
    return Fp2.isZero(p, pi + Z);
  }

  /** r = 2p, Jacobian ("dbl-2009-l", a = 0), as in {@link G1#dbl}. */
  void dbl(long[] p, int pi, long[] r, int ri) {
    fp2.sqr(p, pi + X, t, 0); // A
    fp2.sqr(p, pi + Y, t, 8); // B
    fp2.sqr(t, 8, t, 16); // C
    Fp2.add(p, pi + X, t, 8, t, 24); // D = 2((X + B)^2 - A - C)
    fp2.sqr(t, 24, t, 24);
    Fp2.sub(t, 24, t, 0, t, 24);
    Fp2.sub(t, 24, t, 16, t, 24);
    Fp2.dbl(t, 24, t, 24);
    Fp2.dbl(t, 0, t, 32); // E = 3A
    Fp2.add(t, 32, t, 0, t, 32);
    fp2.sqr(t, 32, t, 40); // F = E^2
    fp2.mul(p, pi + Y, p, pi + Z, t, 48); // Z3 = 2YZ
    Fp2.dbl(t, 48, r, ri + Z);
    Fp2.dbl(t, 24, t, 56); // X3 = F - 2D
    Fp2.sub(t, 40, t, 56, r, ri + X);
    Fp2.sub(t, 24, r, ri + X, t, 56); // Y3 = E(D - X3) - 8C
    fp2.mul(t, 32, t, 56, t, 56);
    Fp2.dbl(t, 16, t, 16);
    Fp2.dbl(t, 16, t, 16);
    Fp2.dbl(t, 16, t, 16);
    Fp2.sub(t, 56, t, 16, r, ri + Y);
  }

  /** r = p + q, Jacobian ("add-2007-bl") with the special cases, as in {@link G1#add}. */
  void add(long[] p, int pi, long[] q, int qi, long[] r, int ri) {
    if (isInfinity(p, pi)) {
      System.arraycopy(q, qi, r, ri, JACOBIAN_SIZE);
      return;
    }
    if (isInfinity(q, qi)) {
      System.arraycopy(p, pi, r, ri, JACOBIAN_SIZE);
      return;
    }
    fp2.sqr(p, pi + Z, t, 0); // Z1Z1
    fp2.sqr(q, qi + Z, t, 8); // Z2Z2
    fp2.mul(p, pi + X, t, 8, t, 16); // U1
    fp2.mul(q, qi + X, t, 0, t, 24); // U2
    fp2.mul(p, pi + Y, q, qi + Z, t, 32); // S1
    fp2.mul(t, 32, t, 8, t, 32);
    fp2.mul(q, qi + Y, p, pi + Z, t, 40); // S2
    fp2.mul(t, 40, t, 0, t, 40);
    Fp2.sub(t, 24, t, 16, t, 48); // H
    Fp2.sub(t, 40, t, 32, t, 56); // rr
    if (Fp2.isZero(t, 48)) {
      if (Fp2.isZero(t, 56)) {
        dbl(p, pi, r, ri);
      } else {
        setInfinity(r, ri);
      }
      return;
    }
    Fp2.dbl(t, 48, t, 64); // I = (2H)^2
    fp2.sqr(t, 64, t, 64);
    fp2.mul(t, 48, t, 64, t, 72); // J
    Fp2.dbl(t, 56, t, 56); // rr = 2(S2 - S1)
    fp2.mul(t, 16, t, 64, t, 80); // V
    Fp2.add(p, pi + Z, q, qi + Z, t, 88); // Z3, before r is written
    fp2.sqr(t, 88, t, 88);
    Fp2.sub(t, 88, t, 0, t, 88);
    Fp2.sub(t, 88, t, 8, t, 88);
    fp2.mul(t, 88, t, 48, r, ri + Z);
    fp2.sqr(t, 56, t, 0); // X3 = rr^2 - J - 2V
    Fp2.sub(t, 0, t, 72, t, 0);
    Fp2.sub(t, 0, t, 80, t, 0);
    Fp2.sub(t, 0, t, 80, r, ri + X);
    Fp2.sub(t, 80, r, ri + X, t, 8); // Y3 = rr(V - X3) - 2·S1·J
    fp2.mul(t, 56, t, 8, t, 8);
    fp2.mul(t, 32, t, 72, t, 16);
    Fp2.dbl(t, 16, t, 16);
    Fp2.sub(t, 8, t, 16, r, ri + Y);
  }

  /** r = [k]q (Jacobian) for an affine q and a plain little-endian scalar. */
  void mul(long[] q, int qi, long[] k, long[] r, int ri) {
    final long[] base = new long[JACOBIAN_SIZE];
    fromAffine(q, qi, base, 0);
    final long[] acc = new long[JACOBIAN_SIZE];
    setInfinity(acc, 0);
    for (int bit = k.length * 64 - 1; bit >= 0; bit--) {
      dbl(acc, 0, acc, 0);
      if (((k[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        add(acc, 0, base, 0, acc, 0);
      }
    }
    System.arraycopy(acc, 0, r, ri, JACOBIAN_SIZE);
  }

  /** r = the affine form of a Jacobian point; infinity becomes all zeros. */
  void toAffine(long[] p, int pi, long[] r, int ri) {
    if (isInfinity(p, pi)) {
      Fp2.setZero(r, ri + X);
      Fp2.setZero(r, ri + Y);
      return;
    }
    fp2.inverse(p, pi + Z, t, 0);
    fp2.sqr(t, 0, t, 8);
    fp2.mul(t, 0, t, 8, t, 0);
    fp2.mul(p, pi + X, t, 8, t, 8);
    fp2.mul(p, pi + Y, t, 0, r, ri + Y);
    Fp2.copy(t, 8, r, ri + X);
  }

  private static long[] twistB() {
    final Fp2 fp2 = new Fp2();
    final long[] b = new long[Fp2.SIZE];
    Fp.fromLong(9, b, 0);
    Fp.fromLong(1, b, Fp.LIMBS);
    fp2.inverse(b, 0, b, 0);
    final long[] three = new long[Fp.LIMBS];
    Fp.fromLong(3, three, 0);
    Fp2.mulByFp(b, 0, three, 0, b, 0);
    return b;
  }
}
