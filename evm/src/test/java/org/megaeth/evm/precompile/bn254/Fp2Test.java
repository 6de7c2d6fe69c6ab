package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.P;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.fp2;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.refFp2;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.megaeth.evm.precompile.bn254.Bn254TestSupport.RefFp2;

class Fp2Test {

  private final Fp2 fp2 = new Fp2();

  @Provide
  Arbitrary<RefFp2> elements() {
    final Arbitrary<BigInteger> coordinate =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
    return Combinators.combine(coordinate, coordinate).as(RefFp2::new);
  }

  @Property
  void shouldMatchReferenceWhenMultiplying(
      @ForAll("elements") RefFp2 a, @ForAll("elements") RefFp2 b) {
    final long[] r = new long[Fp2.SIZE];
    fp2.mul(fp2(a), 0, fp2(b), 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(a.mul(b));
  }

  @Property
  void shouldMatchReferenceWhenMultiplyingInPlace(
      @ForAll("elements") RefFp2 a, @ForAll("elements") RefFp2 b) {
    final long[] both = new long[2 * Fp2.SIZE];
    System.arraycopy(fp2(a), 0, both, 0, Fp2.SIZE);
    System.arraycopy(fp2(b), 0, both, Fp2.SIZE, Fp2.SIZE);
    fp2.mul(both, 0, both, Fp2.SIZE, both, Fp2.SIZE);
    assertThat(refFp2(both, Fp2.SIZE)).isEqualTo(a.mul(b));
  }

  @Property
  void shouldMatchReferenceWhenSquaring(@ForAll("elements") RefFp2 a) {
    final long[] r = fp2(a);
    fp2.sqr(r, 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(a.mul(a));
  }

  @Property(tries = 200)
  void shouldMatchReferenceWhenInverting(@ForAll("elements") RefFp2 a) {
    final long[] r = fp2(a);
    fp2.inverse(r, 0, r, 0);
    final RefFp2 expected =
        a.re().signum() == 0 && a.im().signum() == 0
            ? new RefFp2(BigInteger.ZERO, BigInteger.ZERO)
            : a.inverse();
    assertThat(refFp2(r, 0)).isEqualTo(expected);
  }

  @Property
  void shouldMultiplyByNinePlusIWhenMultiplyingByXi(@ForAll("elements") RefFp2 a) {
    final long[] r = fp2(a);
    fp2.mulByXi(r, 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(a.mul(new RefFp2(BigInteger.valueOf(9), BigInteger.ONE)));
  }

  @Property
  void shouldMatchReferenceWhenAddingSubtractingAndConjugating(
      @ForAll("elements") RefFp2 a, @ForAll("elements") RefFp2 b) {
    final long[] r = new long[Fp2.SIZE];
    Fp2.add(fp2(a), 0, fp2(b), 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(a.add(b));
    Fp2.sub(fp2(a), 0, fp2(b), 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(a.sub(b));
    Fp2.conjugate(fp2(a), 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(a.conjugate());
    Fp2.neg(fp2(a), 0, r, 0);
    assertThat(refFp2(r, 0)).isEqualTo(new RefFp2(a.re().negate(), a.im().negate()));
  }

  @Property(tries = 50)
  void shouldEqualPthPowerWhenConjugating(@ForAll("elements") RefFp2 a) {
    final long[] power = new long[Fp2.SIZE];
    fp2.pow(fp2(a), 0, Bn254TestSupport.limbs(P, 4), power, 0);
    final long[] conjugate = new long[Fp2.SIZE];
    Fp2.conjugate(fp2(a), 0, conjugate, 0);
    assertThat(power).isEqualTo(conjugate);
  }
}
