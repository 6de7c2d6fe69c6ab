package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.P;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.R;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.U;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g2Generator;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g2Mul;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.limbs;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.randomTwistPoint;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class G2Test {

  /** Order of E'(Fp2) divided by r. */
  private static final BigInteger COFACTOR = P.shiftLeft(1).subtract(R);

  private final G2 g2 = new G2(new Fp2());

  private boolean timesOrderIsInfinity(long[] q) {
    final long[] r = new long[G2.JACOBIAN_SIZE];
    g2.mul(q, 0, limbs(R, 4), r, 0);
    return G2.isInfinity(r, 0);
  }

  @Test
  void shouldBeOnCurveAndInSubgroupWhenPointIsGenerator() {
    final long[] q = g2Generator();
    assertThat(g2.isOnCurve(q, 0)).isTrue();
    assertThat(g2.isInSubgroup(q, 0)).isTrue();
    assertThat(timesOrderIsInfinity(q)).isTrue();
  }

  @Test
  void shouldBeExactWhenSubgroupTestPolynomialIsReduced() {
    // f(X) = (u + 1) + uX + uX^2 - 2uX^3, reduced modulo X^2 - tX + p (the relation psi satisfies).
    final BigInteger t = U.pow(2).multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
    final BigInteger[] f = {U.add(BigInteger.ONE), U, U, U.multiply(BigInteger.valueOf(-2))};
    // X^3 = X(tX - p) = tX^2 - pX, X^2 = tX - p.
    final BigInteger c2 = f[2].add(f[3].multiply(t));
    final BigInteger c1 = f[1].subtract(f[3].multiply(P));
    final BigInteger a = f[0].subtract(c2.multiply(P));
    final BigInteger b = c1.add(c2.multiply(t));
    // Every point of G2 passes: psi acts as [p] there and f(p) = 0 mod r.
    assertThat(a.add(b.multiply(P)).mod(R)).isZero();
    // No point of the cofactor part passes: the norm of a + b*psi is coprime to h = 2p - r.
    final BigInteger norm = a.pow(2).add(a.multiply(b).multiply(t)).add(b.pow(2).multiply(P));
    assertThat(norm.gcd(COFACTOR)).isEqualTo(BigInteger.ONE);
    assertThat(COFACTOR.gcd(R)).isEqualTo(BigInteger.ONE);
  }

  @Property(tries = 10)
  void shouldRejectWhenPointIsOutsideSubgroup(@ForAll long seed) {
    final long[] q = randomTwistPoint(new Random(seed));
    assertThat(g2.isOnCurve(q, 0)).isTrue();
    // A random twist point is in G2 with probability 1/cofactor; the slow oracle decides.
    assertThat(g2.isInSubgroup(q, 0)).isEqualTo(timesOrderIsInfinity(q)).isFalse();
  }

  @Property(tries = 10)
  void shouldAcceptWhenCofactorIsCleared(@ForAll long seed) {
    final long[] q = g2Mul(randomTwistPoint(new Random(seed)), COFACTOR);
    assertThat(g2.isOnCurve(q, 0)).isTrue();
    assertThat(g2.isInSubgroup(q, 0)).isTrue();
    assertThat(timesOrderIsInfinity(q)).isTrue();
  }

  @Property(tries = 10)
  void shouldActAsMultiplicationByPWhenApplyingPsiInSubgroup(@ForAll long seed) {
    final BigInteger k = new BigInteger(250, new Random(seed)).add(BigInteger.ONE);
    final long[] q = g2Mul(g2Generator(), k);
    final long[] psi = new long[G2.AFFINE_SIZE];
    g2.psi(q, 0, psi, 0);
    assertThat(psi).isEqualTo(g2Mul(q, P.mod(R)));
    final long[] psiSquared = new long[G2.AFFINE_SIZE];
    g2.psiSquared(q, 0, psiSquared, 0);
    g2.psi(psi, 0, psi, 0);
    assertThat(psiSquared).isEqualTo(psi);
  }

  @Property(tries = 10)
  void shouldGiveInfinityWhenAddingNegation(@ForAll long seed) {
    final long[] q =
        g2Mul(g2Generator(), new BigInteger(250, new Random(seed)).add(BigInteger.ONE));
    final long[] a = new long[G2.JACOBIAN_SIZE];
    G2.fromAffine(q, 0, a, 0);
    final long[] b = a.clone();
    Fp2.neg(b, Fp2.SIZE, b, Fp2.SIZE);
    g2.add(a, 0, b, 0, a, 0);
    assertThat(G2.isInfinity(a, 0)).isTrue();
  }

  @Property(tries = 10)
  void shouldDistributeWhenAddingMultiples(@ForAll long seed) {
    final Random random = new Random(seed);
    final BigInteger a = new BigInteger(250, random).add(BigInteger.ONE);
    final BigInteger b = new BigInteger(250, random).add(BigInteger.ONE);
    final long[] g = g2Generator();
    final long[] sum = new long[G2.JACOBIAN_SIZE];
    G2.fromAffine(g2Mul(g, a), 0, sum, 0);
    final long[] other = new long[G2.JACOBIAN_SIZE];
    G2.fromAffine(g2Mul(g, b), 0, other, 0);
    g2.add(sum, 0, other, 0, sum, 0);
    final long[] affine = new long[G2.AFFINE_SIZE];
    g2.toAffine(sum, 0, affine, 0);
    assertThat(affine).isEqualTo(g2Mul(g, a.add(b)));
  }
}
