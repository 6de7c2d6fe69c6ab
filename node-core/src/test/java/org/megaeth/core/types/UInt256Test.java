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

  private static UInt256 u(BigInteger v) {
    return UInt256.fromBigInteger(v);
  }
}
