package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.P;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.R;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.U;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g1Generator;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g1Mul;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g2Generator;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g2Mul;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.newFp12;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.pow;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.randomFp12;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PairingTest {

  private static Pairing newPairing() {
    final Fp12 fp12 = newFp12();
    return new Pairing(fp12, new G2(fp12.fp2));
  }

  private static long[] concat(long[]... parts) {
    int length = 0;
    for (long[] part : parts) {
      length += part.length;
    }
    final long[] r = new long[length];
    int offset = 0;
    for (long[] part : parts) {
      System.arraycopy(part, 0, r, offset, part.length);
      offset += part.length;
    }
    return r;
  }

  private static long[] negateG1(long[] p) {
    final long[] r = p.clone();
    Fp.neg(r, Fp.LIMBS, r, Fp.LIMBS);
    return r;
  }

  /** The pairing value e(P, Q) itself, for tests that need more than the product check. */
  private static long[] pairingValue(long[] p, long[] q) {
    final Pairing pairing = newPairing();
    final long[] f = new long[Fp12.SIZE];
    pairing.millerLoop(p, q, 1, f);
    pairing.finalExponentiation(f, f);
    return f;
  }

  @Test
  void shouldEncodeSixUPlusTwoWhenReadingLoopNaf() {
    BigInteger value = BigInteger.ZERO;
    for (byte digit : Pairing.ATE_LOOP_NAF) {
      value = value.shiftLeft(1).add(BigInteger.valueOf(digit));
    }
    assertThat(value).isEqualTo(U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));
  }

  @Test
  void shouldEqualHardPartWhenExponentIsWrittenInBaseP() {
    final BigInteger u2 = U.pow(2);
    final BigInteger u3 = U.pow(3);
    final BigInteger l3 = BigInteger.ONE;
    final BigInteger l2 = u2.multiply(BigInteger.valueOf(6)).add(BigInteger.ONE);
    final BigInteger l1 =
        u3.multiply(BigInteger.valueOf(-36))
            .subtract(u2.multiply(BigInteger.valueOf(18)))
            .subtract(U.multiply(BigInteger.valueOf(12)))
            .add(BigInteger.ONE);
    final BigInteger l0 =
        u3.multiply(BigInteger.valueOf(-36))
            .subtract(u2.multiply(BigInteger.valueOf(30)))
            .subtract(U.multiply(BigInteger.valueOf(18)))
            .subtract(BigInteger.TWO);
    final BigInteger hard = P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE).divide(R);
    assertThat(l3.multiply(P.pow(3)).add(l2.multiply(P.pow(2))).add(l1.multiply(P)).add(l0))
        .isEqualTo(hard);
  }

  @Property(tries = 2)
  void shouldMatchGenericPowerWhenRunningFinalExponentiation(@ForAll long seed) {
    final Fp12 fp12 = newFp12();
    final long[] f = randomFp12(new Random(seed));
    final long[] expected = pow(fp12, f, P.pow(12).subtract(BigInteger.ONE).divide(R));
    final long[] r = new long[Fp12.SIZE];
    newPairing().finalExponentiation(f, r);
    assertThat(r).isEqualTo(expected);
  }

  @Property(tries = 10)
  void shouldBeBilinearWhenScalingBothArguments(@ForAll long seed) {
    final Random random = new Random(seed);
    final BigInteger a = new BigInteger(254, random).mod(R).add(BigInteger.ONE);
    final BigInteger b = new BigInteger(254, random).mod(R).add(BigInteger.ONE);
    final long[] g1 = g1Generator();
    final long[] g2 = g2Generator();
    // e(aP, bQ)·e(-abP, Q) = 1
    final long[] points1 = concat(g1Mul(g1, a), negateG1(g1Mul(g1, a.multiply(b).mod(R))));
    final long[] points2 = concat(g2Mul(g2, b), g2);
    assertThat(newPairing().isProductOne(points1, points2, 2)).isTrue();
    // and the check is not trivially true: e(aP, bQ)·e(-(ab+1)P, Q) != 1
    final long[] wrong =
        concat(g1Mul(g1, a), negateG1(g1Mul(g1, a.multiply(b).add(BigInteger.ONE).mod(R))));
    assertThat(newPairing().isProductOne(wrong, points2, 2)).isFalse();
  }

  @Test
  void shouldHaveOrderRWhenPairingGenerators() {
    final long[] e = pairingValue(g1Generator(), g2Generator());
    assertThat(Fp12.isOne(e, 0)).isFalse();
    assertThat(Fp12.isOne(pow(newFp12(), e, R), 0)).isTrue();
  }

  @Test
  void shouldMultiplyValuesWhenAddingFirstArguments() {
    final long[] g1 = g1Generator();
    final long[] g2 = g2Generator();
    final long[] e1 = pairingValue(g1, g2);
    final long[] e3 = pairingValue(g1Mul(g1, BigInteger.valueOf(3)), g2);
    final long[] cube = new long[Fp12.SIZE];
    final Fp12 fp12 = newFp12();
    fp12.sqr(e1, 0, cube, 0);
    fp12.mul(cube, 0, e1, 0, cube, 0);
    assertThat(e3).isEqualTo(cube);
  }

  @Test
  void shouldGiveTrueWhenThereAreNoPairs() {
    assertThat(newPairing().isProductOne(new long[0], new long[0], 0)).isTrue();
  }
}
