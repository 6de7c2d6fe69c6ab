package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.fp2;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.randomFp2;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.refFp2;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.megaeth.evm.precompile.bn254.Bn254TestSupport.RefFp2;

class Fp6Test {

  private static final RefFp2 XI = new RefFp2(BigInteger.valueOf(9), BigInteger.ONE);
  private static final RefFp2 ZERO = new RefFp2(BigInteger.ZERO, BigInteger.ZERO);

  private final Fp6 fp6 = new Fp6(new Fp2());

  private static RefFp2[] randomRef(Random random) {
    return new RefFp2[] {randomFp2(random), randomFp2(random), randomFp2(random)};
  }

  private static long[] toLimbs(RefFp2[] a) {
    final long[] r = new long[Fp6.SIZE];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(fp2(a[i]), 0, r, i * Fp2.SIZE, Fp2.SIZE);
    }
    return r;
  }

  private static RefFp2[] toRef(long[] a) {
    return new RefFp2[] {refFp2(a, 0), refFp2(a, Fp2.SIZE), refFp2(a, 2 * Fp2.SIZE)};
  }

  /** Schoolbook product in Fp2[v]/(v^3 - ξ), the oracle. */
  private static RefFp2[] schoolbook(RefFp2[] a, RefFp2[] b) {
    final RefFp2[] wide = {ZERO, ZERO, ZERO, ZERO, ZERO};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        wide[i + j] = wide[i + j].add(a[i].mul(b[j]));
      }
    }
    return new RefFp2[] {wide[0].add(wide[3].mul(XI)), wide[1].add(wide[4].mul(XI)), wide[2]};
  }

  @Property(tries = 200)
  void shouldMatchSchoolbookWhenMultiplying(@ForAll long seed) {
    final Random random = new Random(seed);
    final RefFp2[] a = randomRef(random);
    final RefFp2[] b = randomRef(random);
    final long[] r = toLimbs(a);
    fp6.mul(r, 0, toLimbs(b), 0, r, 0);
    assertThat(toRef(r)).containsExactly(schoolbook(a, b));
  }

  @Property(tries = 200)
  void shouldMatchSchoolbookWhenMultiplyingBySparseElement(@ForAll long seed) {
    final Random random = new Random(seed);
    final RefFp2[] a = randomRef(random);
    final RefFp2[] b = {randomFp2(random), randomFp2(random), ZERO};
    final long[] sparse = toLimbs(b);
    final long[] r = toLimbs(a);
    fp6.mulBy01(r, 0, sparse, 0, Fp2.SIZE, r, 0);
    assertThat(toRef(r)).containsExactly(schoolbook(a, b));
  }

  @Property(tries = 200)
  void shouldMatchSchoolbookWhenMultiplyingByVOrByFp2(@ForAll long seed) {
    final Random random = new Random(seed);
    final RefFp2[] a = randomRef(random);
    final long[] r = toLimbs(a);
    fp6.mulByV(r, 0, r, 0);
    assertThat(toRef(r)).containsExactly(schoolbook(a, new RefFp2[] {ZERO, RefFp2.ONE, ZERO}));

    final RefFp2 s = randomFp2(random);
    final long[] scaled = toLimbs(a);
    fp6.mulByFp2(scaled, 0, fp2(s), 0, scaled, 0);
    assertThat(toRef(scaled)).containsExactly(schoolbook(a, new RefFp2[] {s, ZERO, ZERO}));
  }

  @Property(tries = 100)
  void shouldGiveOneWhenMultiplyingByInverse(@ForAll long seed) {
    final long[] a = toLimbs(randomRef(new Random(seed)));
    final long[] inverse = new long[Fp6.SIZE];
    fp6.inverse(a, 0, inverse, 0);
    fp6.mul(a, 0, inverse, 0, inverse, 0);
    final long[] one = new long[Fp6.SIZE];
    Fp6.setOne(one, 0);
    assertThat(inverse).isEqualTo(one);
  }
}
