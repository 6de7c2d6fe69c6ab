package org.megaeth.evm.word;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** 256-bit limb arithmetic against {@link BigInteger} as the oracle. */
class LimbsPropertyTest {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger HALF = BigInteger.ONE.shiftLeft(255);

  private final long[] s = new long[16];
  private final Limbs.Scratch scratch = new Limbs.Scratch();

  /** Words biased towards edge cases: small, limb-sized, full, and sign-bit values. */
  @Provide
  Arbitrary<BigInteger> words() {
    Arbitrary<BigInteger> full =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE));
    Arbitrary<BigInteger> small =
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300));
    Arbitrary<BigInteger> bits =
        Combinators.combine(
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(-2, 2))
            .as((b, d) -> BigInteger.ONE.shiftLeft(b).add(BigInteger.valueOf(d)).mod(MOD));
    Arbitrary<BigInteger> limbs =
        Arbitraries.integers()
            .between(1, 8)
            .flatMap(
                n ->
                    Arbitraries.bigIntegers()
                        .between(
                            BigInteger.ZERO,
                            BigInteger.ONE.shiftLeft(32 * n).subtract(BigInteger.ONE)));
    return Arbitraries.oneOf(full, small, bits, limbs);
  }

  private void put(int o, BigInteger v) {
    for (int i = 0; i < 4; i++) {
      s[o + i] = v.shiftRight(64 * i).longValue();
    }
  }

  private BigInteger get(int o) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(s[o + i])));
    }
    return v;
  }

  private static BigInteger signed(BigInteger v) {
    return v.compareTo(HALF) >= 0 ? v.subtract(MOD) : v;
  }

  private static BigInteger unsigned(BigInteger v) {
    return v.mod(MOD);
  }

  /** Puts a at slot 1 (top) and b at slot 0, as the stack would. */
  private void binary(BigInteger a, BigInteger b) {
    put(4, a);
    put(0, b);
  }

  @Property
  void shouldAddLikeBigIntegerWhenWrapping(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    binary(a, b);
    Limbs.add(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.add(b).mod(MOD));
  }

  @Property
  void shouldSubtractLikeBigIntegerWhenWrapping(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    binary(a, b);
    Limbs.sub(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.subtract(b).mod(MOD));
  }

  @Property
  void shouldMultiplyLikeBigIntegerWhenWrapping(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    binary(a, b);
    Limbs.mul(s, 4, 0, scratch);
    assertThat(get(0)).isEqualTo(a.multiply(b).mod(MOD));
  }

  @Property
  void shouldDivideAndModLikeBigIntegerWhenDivisorNonZero(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    binary(a, b);
    Limbs.div(s, 4, 0, scratch);
    assertThat(get(0)).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
    binary(a, b);
    Limbs.mod(s, 4, 0, scratch);
    assertThat(get(0)).isEqualTo(b.signum() == 0 ? BigInteger.ZERO : a.mod(b));
  }

  @Property
  void shouldDoSignedDivisionWhenOperandsNegative(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    BigInteger sa = signed(a);
    BigInteger sb = signed(b);
    binary(a, b);
    Limbs.sdiv(s, 4, 0, scratch);
    BigInteger expectedDiv = sb.signum() == 0 ? BigInteger.ZERO : unsigned(sa.divide(sb));
    assertThat(get(0)).isEqualTo(expectedDiv);
    binary(a, b);
    Limbs.smod(s, 4, 0, scratch);
    BigInteger expectedMod =
        sb.signum() == 0
            ? BigInteger.ZERO
            : unsigned(
                sa.abs().mod(sb.abs()).multiply(BigInteger.valueOf(sa.signum() < 0 ? -1 : 1)));
    assertThat(get(0)).isEqualTo(expectedMod);
  }

  @Property
  void shouldAddModAndMulModWithoutOverflow(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger b, @ForAll("words") BigInteger n) {
    put(8, a);
    put(4, b);
    put(0, n);
    Limbs.addMod(s, 8, 4, 0, scratch);
    assertThat(get(0)).isEqualTo(n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n));
    put(8, a);
    put(4, b);
    put(0, n);
    Limbs.mulMod(s, 8, 4, 0, scratch);
    assertThat(get(0)).isEqualTo(n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n));
  }

  @Property
  void shouldExponentiateModulo2To256(
      @ForAll("words") BigInteger a, @ForAll("words") BigInteger e) {
    binary(a, e);
    Limbs.exp(s, 4, 0, scratch);
    assertThat(get(0)).isEqualTo(a.modPow(e, MOD));
  }

  @Property
  void shouldCompareLikeBigInteger(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    binary(a, b);
    assertThat(Integer.signum(Limbs.compare(s, 4, 0))).isEqualTo(a.compareTo(b));
    assertThat(Integer.signum(Limbs.compareSigned(s, 4, 0)))
        .isEqualTo(signed(a).compareTo(signed(b)));
    binary(a, b);
    Limbs.lt(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.compareTo(b) < 0 ? BigInteger.ONE : BigInteger.ZERO);
    binary(a, b);
    Limbs.sgt(s, 4, 0);
    assertThat(get(0))
        .isEqualTo(signed(a).compareTo(signed(b)) > 0 ? BigInteger.ONE : BigInteger.ZERO);
    binary(a, b);
    Limbs.eq(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.equals(b) ? BigInteger.ONE : BigInteger.ZERO);
  }

  @Property
  void shouldApplyBitwiseOperations(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
    binary(a, b);
    Limbs.and(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.and(b));
    binary(a, b);
    Limbs.or(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.or(b));
    binary(a, b);
    Limbs.xor(s, 4, 0);
    assertThat(get(0)).isEqualTo(a.xor(b));
    put(0, a);
    Limbs.not(s, 0);
    assertThat(get(0)).isEqualTo(MOD.subtract(BigInteger.ONE).subtract(a));
  }

  @Property
  void shouldShiftLikeBigInteger(
      @ForAll("words") BigInteger value, @ForAll("words") BigInteger shift) {
    int n = shift.compareTo(BigInteger.valueOf(256)) >= 0 ? 256 : shift.intValue();
    binary(shift, value);
    Limbs.shl(s, 4, 0);
    assertThat(get(0)).isEqualTo(n >= 256 ? BigInteger.ZERO : value.shiftLeft(n).mod(MOD));
    binary(shift, value);
    Limbs.shr(s, 4, 0);
    assertThat(get(0)).isEqualTo(n >= 256 ? BigInteger.ZERO : value.shiftRight(n));
    binary(shift, value);
    Limbs.sar(s, 4, 0);
    BigInteger sv = signed(value);
    assertThat(get(0))
        .isEqualTo(
            unsigned(
                n >= 256
                    ? (sv.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO)
                    : sv.shiftRight(n)));
  }

  @Property
  void shouldReadByteAndSignExtend(
      @ForAll("words") BigInteger value, @ForAll("words") BigInteger index) {
    binary(index, value);
    Limbs.byteOp(s, 4, 0);
    BigInteger expectedByte =
        index.compareTo(BigInteger.valueOf(32)) >= 0
            ? BigInteger.ZERO
            : value.shiftRight(8 * (31 - index.intValue())).and(BigInteger.valueOf(0xFF));
    assertThat(get(0)).isEqualTo(expectedByte);
    binary(index, value);
    Limbs.signExtend(s, 4, 0);
    BigInteger expected;
    if (index.compareTo(BigInteger.valueOf(31)) >= 0) {
      expected = value;
    } else {
      int bits = 8 * (index.intValue() + 1);
      BigInteger low = value.mod(BigInteger.ONE.shiftLeft(bits));
      expected =
          low.testBit(bits - 1) ? unsigned(low.subtract(BigInteger.ONE.shiftLeft(bits))) : low;
    }
    assertThat(get(0)).isEqualTo(expected);
  }

  @Property
  void shouldRoundTripBytes(@ForAll("words") BigInteger v) {
    put(0, v);
    byte[] out = new byte[32];
    Limbs.toBytes(s, 0, out, 0);
    assertThat(new BigInteger(1, out)).isEqualTo(v);
    Limbs.fromBytes(s, 4, out, 0, 32);
    assertThat(get(4)).isEqualTo(v);
    assertThat(Limbs.byteLength(s, 0)).isEqualTo((v.bitLength() + 7) / 8);
  }
}
