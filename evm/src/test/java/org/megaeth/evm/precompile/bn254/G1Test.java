package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.R;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g1Generator;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g1Mul;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.limbs;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class G1Test {

  private final G1 g1 = new G1();

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE));
  }

  private long[] jacobian(long[] affine) {
    final long[] r = new long[G1.JACOBIAN_SIZE];
    G1.fromAffine(affine, 0, r, 0);
    return r;
  }

  private long[] affine(long[] jacobian) {
    final long[] r = new long[G1.AFFINE_SIZE];
    g1.toAffine(jacobian, 0, r, 0);
    return r;
  }

  private long[] negate(long[] affine) {
    final long[] r = affine.clone();
    Fp.neg(r, Fp.LIMBS, r, Fp.LIMBS);
    return r;
  }

  @Test
  void shouldBeOnCurveWhenPointIsGenerator() {
    assertThat(g1.isOnCurve(g1Generator(), 0)).isTrue();
    final long[] offCurve = g1Generator();
    Fp.add(offCurve, Fp.LIMBS, Fp.ONE, 0, offCurve, Fp.LIMBS);
    assertThat(g1.isOnCurve(offCurve, 0)).isFalse();
  }

  @Property(tries = 50)
  void shouldGiveInfinityWhenAddingNegation(@ForAll("scalars") BigInteger k) {
    final long[] p = g1Mul(g1Generator(), k);
    final long[] sum = jacobian(p);
    g1.add(sum, 0, jacobian(negate(p)), 0, sum, 0);
    assertThat(G1.isInfinity(sum, 0)).isTrue();
  }

  @Property(tries = 20)
  void shouldGiveInfinityWhenMultiplyingByGroupOrder(@ForAll("scalars") BigInteger k) {
    final long[] p = g1Mul(g1Generator(), k);
    final long[] r = new long[G1.JACOBIAN_SIZE];
    g1.mul(p, 0, limbs(R, 4), r, 0);
    assertThat(G1.isInfinity(r, 0)).isTrue();
  }

  @Property(tries = 30)
  void shouldDistributeWhenAddingMultiples(
      @ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    final long[] g = g1Generator();
    final long[] sum = jacobian(g1Mul(g, a));
    g1.add(sum, 0, jacobian(g1Mul(g, b)), 0, sum, 0);
    assertThat(affine(sum)).isEqualTo(g1Mul(g, a.add(b).mod(R)));
  }

  @Property(tries = 30)
  void shouldMatchDoublingWhenAddingPointToItself(@ForAll("scalars") BigInteger k) {
    final long[] p = jacobian(g1Mul(g1Generator(), k));
    final long[] doubled = new long[G1.JACOBIAN_SIZE];
    g1.dbl(p, 0, doubled, 0);
    final long[] sum = new long[G1.JACOBIAN_SIZE];
    g1.add(p, 0, p, 0, sum, 0);
    assertThat(affine(sum))
        .isEqualTo(affine(doubled))
        .isEqualTo(g1Mul(g1Generator(), k.shiftLeft(1).mod(R)));
  }

  @Property(tries = 20)
  void shouldReduceScalarWhenScalarExceedsGroupOrder(@ForAll("scalars") BigInteger k) {
    final long[] g = g1Generator();
    assertThat(g1Mul(g, k.add(R))).isEqualTo(g1Mul(g, k));
  }

  @Test
  void shouldKeepOtherPointWhenAddingInfinity() {
    final long[] g = jacobian(g1Generator());
    final long[] infinity = new long[G1.JACOBIAN_SIZE];
    G1.setInfinity(infinity, 0);
    final long[] r = new long[G1.JACOBIAN_SIZE];
    g1.add(infinity, 0, g, 0, r, 0);
    assertThat(affine(r)).isEqualTo(g1Generator());
    g1.add(g, 0, infinity, 0, r, 0);
    assertThat(affine(r)).isEqualTo(g1Generator());
    g1.add(infinity, 0, infinity, 0, r, 0);
    assertThat(G1.isInfinity(r, 0)).isTrue();
    assertThat(affine(r)).containsOnly(0L);
  }
}
