package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.P;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.U;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.fp2;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.newFp12;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.pow;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.randomFp12;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.randomFp2;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.refFp2;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.megaeth.evm.precompile.bn254.Bn254TestSupport.RefFp2;

class Fp12Test {

  private static final RefFp2 XI = new RefFp2(BigInteger.valueOf(9), BigInteger.ONE);
  private static final RefFp2 ZERO = new RefFp2(BigInteger.ZERO, BigInteger.ZERO);

  /**
   * Offset of the coefficient of w^k in the limb layout: c0 holds w^0, w^2, w^4; c1 the odd ones.
   */
  private static int offsetOfPower(int k) {
    return (k % 2 == 0 ? k / 2 : Fp6.SIZE / Fp2.SIZE + k / 2) * Fp2.SIZE;
  }

  private static RefFp2[] toPowerBasis(long[] a) {
    final RefFp2[] r = new RefFp2[6];
    for (int k = 0; k < 6; k++) {
      r[k] = refFp2(a, offsetOfPower(k));
    }
    return r;
  }

  private static long[] fromPowerBasis(RefFp2[] a) {
    final long[] r = new long[Fp12.SIZE];
    for (int k = 0; k < 6; k++) {
      System.arraycopy(fp2(a[k]), 0, r, offsetOfPower(k), Fp2.SIZE);
    }
    return r;
  }

  /** Schoolbook product in Fp2[w]/(w^6 - ξ), the oracle. */
  private static RefFp2[] schoolbook(RefFp2[] a, RefFp2[] b) {
    final RefFp2[] wide = new RefFp2[11];
    Arrays.fill(wide, ZERO);
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        wide[i + j] = wide[i + j].add(a[i].mul(b[j]));
      }
    }
    final RefFp2[] r = new RefFp2[6];
    for (int k = 0; k < 6; k++) {
      r[k] = k + 6 < 11 ? wide[k].add(wide[k + 6].mul(XI)) : wide[k];
    }
    return r;
  }

  /** The easy part of the final exponentiation, which lands in the cyclotomic subgroup. */
  private static long[] cyclotomic(Fp12 fp12, long[] f) {
    final long[] inverse = new long[Fp12.SIZE];
    fp12.inverse(f, 0, inverse, 0);
    final long[] r = new long[Fp12.SIZE];
    Fp12.conjugate(f, 0, r, 0);
    fp12.mul(r, 0, inverse, 0, r, 0);
    final long[] frobenius = new long[Fp12.SIZE];
    fp12.frobenius(r, 0, 2, frobenius, 0);
    fp12.mul(r, 0, frobenius, 0, r, 0);
    return r;
  }

  @Test
  void shouldEncodeUWhenReadingNaf() {
    BigInteger value = BigInteger.ZERO;
    for (byte digit : Fp12.U_NAF) {
      value = value.shiftLeft(1).add(BigInteger.valueOf(digit));
    }
    assertThat(value).isEqualTo(U);
  }

  @Property(tries = 100)
  void shouldMatchSchoolbookWhenMultiplying(@ForAll long seed) {
    final Random random = new Random(seed);
    final long[] a = randomFp12(random);
    final long[] b = randomFp12(random);
    final long[] r = new long[Fp12.SIZE];
    newFp12().mul(a, 0, b, 0, r, 0);
    assertThat(toPowerBasis(r)).containsExactly(schoolbook(toPowerBasis(a), toPowerBasis(b)));
  }

  @Property(tries = 100)
  void shouldMatchMultiplicationWhenSquaring(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] a = randomFp12(new Random(seed));
    final long[] product = new long[Fp12.SIZE];
    fp12.mul(a, 0, a, 0, product, 0);
    fp12.sqr(a, 0, a, 0);
    assertThat(a).isEqualTo(product);
  }

  @Property(tries = 100)
  void shouldMatchFullMultiplicationWhenMultiplyingByLine(@ForAll long seed) {
    final Random random = new Random(seed);
    final Fp12 fp12 = newFp12();
    final long[] a = randomFp12(random);
    final RefFp2 l0 = randomFp2(random);
    final RefFp2 l1 = randomFp2(random);
    final RefFp2 l3 = randomFp2(random);
    final long[] line = new long[3 * Fp2.SIZE];
    System.arraycopy(fp2(l0), 0, line, 0, Fp2.SIZE);
    System.arraycopy(fp2(l1), 0, line, Fp2.SIZE, Fp2.SIZE);
    System.arraycopy(fp2(l3), 0, line, 2 * Fp2.SIZE, Fp2.SIZE);
    final long[] full = fromPowerBasis(new RefFp2[] {l0, l1, ZERO, l3, ZERO, ZERO});
    final long[] expected = new long[Fp12.SIZE];
    fp12.mul(a, 0, full, 0, expected, 0);
    fp12.mulByLine(a, 0, line, 0, a, 0);
    assertThat(a).isEqualTo(expected);
  }

  @Property(tries = 50)
  void shouldGiveOneWhenMultiplyingByInverse(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] a = randomFp12(new Random(seed));
    final long[] inverse = new long[Fp12.SIZE];
    fp12.inverse(a, 0, inverse, 0);
    fp12.mul(a, 0, inverse, 0, inverse, 0);
    assertThat(Fp12.isOne(inverse, 0)).isTrue();
  }

  @Property(tries = 5)
  void shouldMatchExponentiationWhenApplyingFrobenius(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] a = randomFp12(new Random(seed));
    final long[] expected = pow(fp12, a, P);
    for (int power = 1; power <= 3; power++) {
      final long[] r = new long[Fp12.SIZE];
      fp12.frobenius(a, 0, power, r, 0);
      assertThat(r).as("p^%d", power).isEqualTo(expected);
      if (power < 3) {
        fp12.frobenius(expected, 0, 1, expected, 0);
      }
    }
  }

  @Property(tries = 50)
  void shouldMatchSquaringWhenElementIsCyclotomic(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] a = cyclotomic(fp12, randomFp12(new Random(seed)));
    final long[] expected = new long[Fp12.SIZE];
    fp12.sqr(a, 0, expected, 0);
    fp12.cyclotomicSqr(a, 0, a, 0);
    assertThat(a).isEqualTo(expected);
  }

  @Property(tries = 20)
  void shouldMatchGenericPowerWhenExponentiatingByU(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] a = cyclotomic(fp12, randomFp12(new Random(seed)));
    final long[] r = new long[Fp12.SIZE];
    fp12.cyclotomicExpByU(a, 0, r, 0);
    assertThat(r).isEqualTo(pow(fp12, a, U));
  }

  @Property(tries = 20)
  void shouldEqualInverseWhenConjugatingCyclotomicElement(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] a = cyclotomic(fp12, randomFp12(new Random(seed)));
    final long[] conjugate = new long[Fp12.SIZE];
    Fp12.conjugate(a, 0, conjugate, 0);
    final long[] inverse = new long[Fp12.SIZE];
    fp12.inverse(a, 0, inverse, 0);
    assertThat(conjugate).isEqualTo(inverse);
  }
}
