package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.P;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.big;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.fp;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.to32Bytes;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FpTest {

  @Provide
  Arbitrary<BigInteger> elements() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE));
  }

  @Property
  void shouldMatchBigIntegerWhenMultiplying(
      @ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    final long[] r = new long[Fp.LIMBS];
    Fp.mul(fp(a), 0, fp(b), 0, r, 0);
    assertThat(big(r, 0)).isEqualTo(a.multiply(b).mod(P));
  }

  @Property
  void shouldMatchBigIntegerWhenSquaringInPlace(@ForAll("elements") BigInteger a) {
    final long[] r = fp(a);
    Fp.sqr(r, 0, r, 0);
    assertThat(big(r, 0)).isEqualTo(a.multiply(a).mod(P));
  }

  @Property
  void shouldMatchBigIntegerWhenAdding(
      @ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    final long[] r = new long[Fp.LIMBS];
    Fp.add(fp(a), 0, fp(b), 0, r, 0);
    assertThat(big(r, 0)).isEqualTo(a.add(b).mod(P));
  }

  @Property
  void shouldMatchBigIntegerWhenSubtracting(
      @ForAll("elements") BigInteger a, @ForAll("elements") BigInteger b) {
    final long[] r = new long[Fp.LIMBS];
    Fp.sub(fp(a), 0, fp(b), 0, r, 0);
    assertThat(big(r, 0)).isEqualTo(a.subtract(b).mod(P));
  }

  @Property
  void shouldMatchBigIntegerWhenNegating(@ForAll("elements") BigInteger a) {
    final long[] r = new long[Fp.LIMBS];
    Fp.neg(fp(a), 0, r, 0);
    assertThat(big(r, 0)).isEqualTo(a.negate().mod(P));
  }

  @Property(tries = 200)
  void shouldMatchBigIntegerWhenInverting(@ForAll("elements") BigInteger a) {
    final long[] r = new long[Fp.LIMBS];
    Fp.inverse(fp(a), 0, r, 0);
    final BigInteger expected = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
    assertThat(big(r, 0)).isEqualTo(expected);
  }

  @Property(tries = 200)
  void shouldFindRootWhenInputIsSquare(@ForAll("elements") BigInteger a) {
    final long[] square = fp(a.multiply(a));
    final long[] root = new long[Fp.LIMBS];
    assertThat(Fp.sqrt(square, 0, root, 0)).isTrue();
    assertThat(big(root, 0)).isIn(a, a.negate().mod(P));
  }

  @Property(tries = 200)
  void shouldRejectWhenInputIsNotSquare(@ForAll("elements") BigInteger a) {
    // -1 is not a square because p = 3 mod 4, so -a^2 is not one either (unless a = 0).
    final BigInteger nonSquare = a.multiply(a).negate().mod(P);
    final boolean found = Fp.sqrt(fp(nonSquare), 0, new long[Fp.LIMBS], 0);
    assertThat(found).isEqualTo(a.signum() == 0);
  }

  @Property
  void shouldRoundTripWhenConvertingBytes(@ForAll("elements") BigInteger a) {
    final long[] r = new long[Fp.LIMBS];
    assertThat(Fp.fromBytes(to32Bytes(a), 0, r, 0)).isTrue();
    final byte[] out = new byte[32];
    Fp.toBytes(r, 0, out, 0);
    assertThat(new BigInteger(1, out)).isEqualTo(a);
  }

  @Test
  void shouldRejectWhenBytesAreNotBelowModulus() {
    final long[] r = new long[Fp.LIMBS];
    assertThat(Fp.fromBytes(to32Bytes(P), 0, r, 0)).isFalse();
    assertThat(Fp.fromBytes(to32Bytes(P.add(BigInteger.ONE)), 0, r, 0)).isFalse();
    final byte[] max = new byte[32];
    Arrays.fill(max, (byte) 0xff);
    assertThat(Fp.fromBytes(max, 0, r, 0)).isFalse();
    assertThat(Fp.fromBytes(to32Bytes(P.subtract(BigInteger.ONE)), 0, r, 0)).isTrue();
  }

  @Test
  void shouldMatchModulusWhenConstantsAreRecomputed() {
    final BigInteger p = new BigInteger(1, hexLimbs(Fp.P3, Fp.P2, Fp.P1, Fp.P0));
    assertThat(p).isEqualTo(P);
    assertThat(big(Fp.ONE, 0)).isEqualTo(BigInteger.ONE);
    final long[] small = new long[Fp.LIMBS];
    Fp.fromLong(9, small, 0);
    assertThat(big(small, 0)).isEqualTo(BigInteger.valueOf(9));
  }

  private static byte[] hexLimbs(long... bigEndianLimbs) {
    final byte[] out = new byte[8 * bigEndianLimbs.length];
    for (int i = 0; i < bigEndianLimbs.length; i++) {
      for (int j = 0; j < 8; j++) {
        out[8 * i + j] = (byte) (bigEndianLimbs[i] >>> (56 - 8 * j));
      }
    }
    return out;
  }
}
