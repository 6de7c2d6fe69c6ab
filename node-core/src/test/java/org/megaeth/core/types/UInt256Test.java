package org.megaeth.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** BigInteger is the oracle for every operation. */
class UInt256Test {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

  @Property
  void shouldAddModulo2To256(@ForAll("values") BigInteger a, @ForAll("values") BigInteger b) {
    assertThat(u(a).add(u(b)).toBigInteger()).isEqualTo(a.add(b).mod(MOD));
  }

  @Property
  void shouldSubtractModulo2To256(@ForAll("values") BigInteger a, @ForAll("values") BigInteger b) {
    assertThat(u(a).subtract(u(b)).toBigInteger()).isEqualTo(a.subtract(b).mod(MOD));
  }

  @Property
  void shouldMultiplyDivideAndModLikeBigInteger(
      @ForAll("values") BigInteger a, @ForAll("values") BigInteger b) {
    assertThat(u(a).multiply(u(b)).toBigInteger()).isEqualTo(a.multiply(b).mod(MOD));
    BigInteger expectedDiv = b.signum() == 0 ? BigInteger.ZERO : a.divide(b);
    BigInteger expectedMod = b.signum() == 0 ? BigInteger.ZERO : a.mod(b);
    assertThat(u(a).divide(u(b)).toBigInteger()).isEqualTo(expectedDiv);
    assertThat(u(a).mod(u(b)).toBigInteger()).isEqualTo(expectedMod);
  }

  @Property
  void shouldMultiplyModulo2To256LikeBigInteger(
      @ForAll("factors") BigInteger a, @ForAll("factors") BigInteger b) {
    assertThat(u(a).multiply(u(b)).toBigInteger()).isEqualTo(a.multiply(b).mod(MOD));
  }

  @Property
  void shouldMultiplyByUnsignedLongLikeBigInteger(@ForAll("factors") BigInteger a, @ForAll long b) {
    BigInteger unsigned = new BigInteger(Long.toUnsignedString(b));
    assertThat(u(a).multiply(b).toBigInteger()).isEqualTo(a.multiply(unsigned).mod(MOD));
  }

  @Property
  void shouldThrowExactlyWhenProductExceeds256Bits(
      @ForAll("factors") BigInteger a, @ForAll("factors") BigInteger b) {
    BigInteger product = a.multiply(b);
    if (product.compareTo(MOD) >= 0) {
      assertThatThrownBy(() -> u(a).multiplyExact(u(b))).isInstanceOf(ArithmeticException.class);
    } else {
      assertThat(u(a).multiplyExact(u(b)).toBigInteger()).isEqualTo(product);
    }
  }

  @Test
  void shouldDecideOverflowAtTheBoundaryWhenMultiplyingExactly() {
    UInt256 twoTo128 = u(BigInteger.ONE.shiftLeft(128));
    UInt256 below = u(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    assertThatThrownBy(() -> twoTo128.multiplyExact(twoTo128))
        .isInstanceOf(ArithmeticException.class);
    assertThat(below.multiplyExact(twoTo128).toBigInteger())
        .isEqualTo(MOD.subtract(BigInteger.ONE.shiftLeft(128)));
    assertThatThrownBy(() -> UInt256.MAX.multiplyExact(UInt256.valueOf(2)))
        .isInstanceOf(ArithmeticException.class);
    assertThat(UInt256.MAX.multiplyExact(UInt256.ONE)).isEqualTo(UInt256.MAX);
    assertThat(UInt256.MAX.multiply(UInt256.MAX)).isEqualTo(UInt256.ONE);
    assertThat(UInt256.valueOf(-1L).multiply(-1L).toBigInteger())
        .isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE).pow(2));
  }

  @Property
  void shouldCompareAsUnsigned(@ForAll("values") BigInteger a, @ForAll("values") BigInteger b) {
    assertThat(Integer.signum(u(a).compareTo(u(b)))).isEqualTo(a.compareTo(b));
  }

  @Property
  void shouldRoundTripThroughBytesAndHex(@ForAll("values") BigInteger a) {
    UInt256 v = u(a);
    assertThat(UInt256.fromBytes(v.toBytes32())).isEqualTo(v);
    assertThat(UInt256.fromBytes(v.toMinimalBytes())).isEqualTo(v);
    assertThat(new BigInteger(1, v.toMinimalBytes())).isEqualTo(a);
    assertThat(v.toMinimalBytes().length == 0 || v.toMinimalBytes()[0] != 0).isTrue();
    assertThat(UInt256.fromHexString(v.toHexString())).isEqualTo(v);
    assertThat(UInt256.parse(v.toDecimalString())).isEqualTo(v);
    assertThat(v.bitLength()).isEqualTo(a.bitLength());
  }

  @Test
  void shouldThrowOnOverflowAndUnderflowInExactArithmetic() {
    assertThatThrownBy(() -> UInt256.MAX.addExact(UInt256.ONE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt256.ZERO.subtractExact(UInt256.ONE))
        .isInstanceOf(ArithmeticException.class);
    assertThat(UInt256.MAX.add(UInt256.ONE)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldRejectHexWiderThan256Bits() {
    assertThatThrownBy(() -> UInt256.fromHexString("0x1" + "0".repeat(64)))
        .hasMessageContaining("does not fit in 256 bits");
    assertThat(UInt256.fromHexString("0x00" + "f".repeat(64))).isEqualTo(UInt256.MAX);
  }

  @Provide
  Arbitrary<BigInteger> values() {
    // Mix edge values with full-width random ones: carries between limbs are where bugs hide.
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, MOD.subtract(BigInteger.ONE)),
        Arbitraries.of(
            BigInteger.ZERO,
            BigInteger.ONE,
            MOD.subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(64),
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(192)));
  }

  /**
   * Factors of every width, 64-bit ones (the fast path) and products near 2^256 (the overflow
   * boundary) included.
   */
  @Provide
  Arbitrary<BigInteger> factors() {
    return Arbitraries.oneOf(
        values(),
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
        Arbitraries.integers()
            .between(1, 256)
            .flatMap(
                bits ->
                    Arbitraries.bigIntegers()
                        .between(
                            BigInteger.ONE.shiftLeft(bits - 1),
                            BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE))));
  }

  private static UInt256 u(BigInteger v) {
    return UInt256.fromBigInteger(v);
  }
}
