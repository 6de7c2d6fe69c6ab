package org.megaeth.evm.precompile.bn254;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.G2_GENERATOR_HEX;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.P;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.R;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.encodeG2;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g2Generator;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.g2Mul;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.hex;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.randomTwistPoint;
import static org.megaeth.evm.precompile.bn254.Bn254TestSupport.to32Bytes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Bn254Test {

  private static final String ZERO_32 = "00".repeat(32);
  private static final String G1_GENERATOR_HEX = "00".repeat(31) + "01" + "00".repeat(31) + "02";
  private static final String G1_INFINITY_HEX = ZERO_32 + ZERO_32;
  private static final String G2_INFINITY_HEX = ZERO_32.repeat(4);
  private static final String P_HEX = hex(to32Bytes(P));
  private static final byte[] TRUE = hex("00".repeat(31) + "01");
  private static final byte[] FALSE = hex(ZERO_32);

  // ---- Published vectors (go-ethereum core/vm/testdata/precompiles, see the resources README).

  static Stream<Arguments> addVectors() {
    return vectors("bn256Add.json");
  }

  static Stream<Arguments> mulVectors() {
    return vectors("bn256ScalarMul.json");
  }

  static Stream<Arguments> pairingVectors() {
    return vectors("bn256Pairing.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("addVectors")
  void shouldMatchExpectedOutputWhenAddingVector(String name, String input, String expected)
      throws Bn254Exception {
    assertThat(hex(Bn254.add(hex(input)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mulVectors")
  void shouldMatchExpectedOutputWhenMultiplyingVector(String name, String input, String expected)
      throws Bn254Exception {
    assertThat(hex(Bn254.mul(hex(input)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairingVectors")
  void shouldMatchExpectedOutputWhenPairingVector(String name, String input, String expected)
      throws Bn254Exception {
    assertThat(hex(Bn254.pairing(hex(input)))).isEqualTo(expected);
  }

  // ---- ECADD / ECMUL edge cases.

  @Test
  void shouldRejectWhenAddInputHasCoordinateNotBelowModulus() {
    assertThatThrownBy(() -> Bn254.add(hex(P_HEX + ZERO_32 + G1_GENERATOR_HEX)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessageContaining("G1")
        .hasMessageContaining("field modulus");
    assertThatThrownBy(() -> Bn254.add(hex(G1_GENERATOR_HEX + "00".repeat(31) + "01" + P_HEX)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessageContaining("field modulus");
  }

  @Test
  void shouldRejectWhenAddInputPointIsNotOnCurve() {
    final String offCurve = "00".repeat(31) + "01" + "00".repeat(31) + "03";
    assertThatThrownBy(() -> Bn254.add(hex(offCurve + G1_GENERATOR_HEX)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G1 point: not on curve");
    assertThatThrownBy(() -> Bn254.add(hex(G1_GENERATOR_HEX + offCurve)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G1 point: not on curve");
  }

  @Test
  void shouldDoubleWhenAddingPointToItself() throws Bn254Exception {
    final byte[] doubled = Bn254.add(hex(G1_GENERATOR_HEX + G1_GENERATOR_HEX));
    assertThat(doubled).isEqualTo(Bn254.mul(hex(G1_GENERATOR_HEX + "00".repeat(31) + "02")));
  }

  @Test
  void shouldRejectWhenMulInputPointIsInvalid() {
    final String offCurve = "00".repeat(31) + "01" + "00".repeat(31) + "03";
    assertThatThrownBy(() -> Bn254.mul(hex(offCurve + "00".repeat(31) + "05")))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G1 point: not on curve");
    assertThatThrownBy(() -> Bn254.mul(hex(P_HEX + "00".repeat(31) + "02" + ZERO_32)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessageContaining("field modulus");
  }

  @Test
  void shouldGiveInfinityWhenMultiplyingByZeroOrGroupOrderOrInfinity() throws Bn254Exception {
    final byte[] infinity = hex(G1_INFINITY_HEX);
    assertThat(Bn254.mul(hex(G1_GENERATOR_HEX + ZERO_32))).isEqualTo(infinity);
    assertThat(Bn254.mul(hex(G1_GENERATOR_HEX + hex(to32Bytes(R))))).isEqualTo(infinity);
    assertThat(Bn254.mul(hex(G1_INFINITY_HEX + "ff".repeat(32)))).isEqualTo(infinity);
  }

  @Test
  void shouldPadOrTruncateWhenMulInputLengthDiffers() throws Bn254Exception {
    final byte[] exact = Bn254.mul(hex(G1_GENERATOR_HEX + "00".repeat(31) + "07"));
    assertThat(Bn254.mul(hex(G1_GENERATOR_HEX + "00".repeat(31) + "07" + "ff".repeat(40))))
        .isEqualTo(exact);
    // A short scalar is right-padded: 0x07 followed by 31 zero bytes.
    assertThat(Bn254.mul(hex(G1_GENERATOR_HEX + "07")))
        .isEqualTo(Bn254.mul(hex(G1_GENERATOR_HEX + "07" + "00".repeat(31))));
    assertThat(Bn254.mul(new byte[0])).isEqualTo(hex(G1_INFINITY_HEX));
  }

  // ---- Pairing edge cases.

  @Test
  void shouldRejectWhenPairingInputLengthIsNotMultipleOf192() {
    for (int length : new int[] {1, 64, 191, 193, 383}) {
      assertThatThrownBy(() -> Bn254.pairing(new byte[length]))
          .isInstanceOf(Bn254Exception.class)
          .hasMessageContaining("input length not a multiple of 192");
    }
  }

  @Test
  void shouldReturnTrueWhenInputIsEmptyOrAllInfinity() throws Bn254Exception {
    assertThat(Bn254.pairing(new byte[0])).isEqualTo(TRUE);
    assertThat(Bn254.pairing(new byte[192])).isEqualTo(TRUE);
    assertThat(Bn254.pairing(new byte[3 * 192])).isEqualTo(TRUE);
  }

  @Test
  void shouldSkipPairWhenEitherPointIsInfinity() throws Bn254Exception {
    assertThat(Bn254.pairing(hex(G1_INFINITY_HEX + G2_GENERATOR_HEX))).isEqualTo(TRUE);
    assertThat(Bn254.pairing(hex(G1_GENERATOR_HEX + G2_INFINITY_HEX))).isEqualTo(TRUE);
    // e(G1, G2) alone is not one, and an infinity pair does not change that.
    assertThat(
            Bn254.pairing(
                hex(G1_GENERATOR_HEX + G2_GENERATOR_HEX + G1_INFINITY_HEX + G2_GENERATOR_HEX)))
        .isEqualTo(FALSE);
  }

  @Test
  void shouldRejectWhenPairingG1PointIsInvalid() {
    final String offCurve = "00".repeat(31) + "01" + "00".repeat(31) + "03";
    assertThatThrownBy(() -> Bn254.pairing(hex(offCurve + G2_GENERATOR_HEX)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G1 point: not on curve");
    assertThatThrownBy(() -> Bn254.pairing(hex(P_HEX + "00".repeat(31) + "02" + G2_GENERATOR_HEX)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessageContaining("G1")
        .hasMessageContaining("field modulus");
    // Invalid even when its partner is infinity.
    assertThatThrownBy(() -> Bn254.pairing(hex(offCurve + G2_INFINITY_HEX)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G1 point: not on curve");
  }

  @Test
  void shouldRejectWhenPairingG2CoordinateIsNotBelowModulus() {
    for (int position = 0; position < 4; position++) {
      final StringBuilder g2 = new StringBuilder(G2_GENERATOR_HEX);
      g2.replace(64 * position, 64 * position + 64, P_HEX);
      final String input = G1_GENERATOR_HEX + g2;
      assertThatThrownBy(() -> Bn254.pairing(hex(input)))
          .as("coordinate %d", position)
          .isInstanceOf(Bn254Exception.class)
          .hasMessageContaining("G2")
          .hasMessageContaining("field modulus");
    }
  }

  @Test
  void shouldRejectWhenPairingG2PointIsNotOnCurve() {
    // The generator with its real and imaginary parts swapped, the classic encoding mistake.
    final String swapped =
        G2_GENERATOR_HEX.substring(64, 128)
            + G2_GENERATOR_HEX.substring(0, 64)
            + G2_GENERATOR_HEX.substring(192, 256)
            + G2_GENERATOR_HEX.substring(128, 192);
    assertThatThrownBy(() -> Bn254.pairing(hex(G1_GENERATOR_HEX + swapped)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G2 point: not on curve");
    assertThatThrownBy(() -> Bn254.pairing(hex(G1_INFINITY_HEX + swapped)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G2 point: not on curve");
  }

  @Test
  void shouldRejectWhenPairingG2PointIsNotInSubgroup() {
    final String outside = hex(encodeG2(randomTwistPoint(new Random(42))));
    assertThatThrownBy(() -> Bn254.pairing(hex(G1_GENERATOR_HEX + outside)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G2 point: not in the subgroup of order r");
    assertThatThrownBy(
            () ->
                Bn254.pairing(hex(G1_GENERATOR_HEX + G2_GENERATOR_HEX + G1_INFINITY_HEX + outside)))
        .isInstanceOf(Bn254Exception.class)
        .hasMessage("invalid G2 point: not in the subgroup of order r");
  }

  @Property(tries = 5)
  void shouldBeBilinearWhenCheckedThroughPublicApi(@ForAll long seed) throws Bn254Exception {
    final Random random = new Random(seed);
    final BigInteger a = new BigInteger(254, random).mod(R).add(BigInteger.ONE);
    final BigInteger b = new BigInteger(254, random).mod(R).add(BigInteger.ONE);
    final BigInteger minusAb = R.subtract(a.multiply(b).mod(R));
    final byte[] aP = Bn254.mul(hex(G1_GENERATOR_HEX + hex(to32Bytes(a))));
    final byte[] minusAbP = Bn254.mul(hex(G1_GENERATOR_HEX + hex(to32Bytes(minusAb))));
    final byte[] bQ = encodeG2(g2Mul(g2Generator(), b));
    final String input = hex(aP) + hex(bQ) + hex(minusAbP) + G2_GENERATOR_HEX;
    assertThat(Bn254.pairing(hex(input))).isEqualTo(TRUE);
  }

  // ---- Vector loading.

  private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*}");
  private static final Pattern INPUT = Pattern.compile("\"Input\"\\s*:\\s*\"([0-9a-fA-F]*)\"");
  private static final Pattern EXPECTED =
      Pattern.compile("\"Expected\"\\s*:\\s*\"([0-9a-fA-F]*)\"");
  private static final Pattern NAME = Pattern.compile("\"Name\"\\s*:\\s*\"([^\"]*)\"");

  /** Reads go-ethereum's precompile vector format: a JSON array of flat objects. */
  private static Stream<Arguments> vectors(String resource) {
    final String json;
    try (InputStream in = Bn254Test.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    final List<Arguments> cases = new ArrayList<>();
    final Matcher objects = OBJECT.matcher(json);
    while (objects.find()) {
      final String object = objects.group();
      cases.add(Arguments.of(field(NAME, object), field(INPUT, object), field(EXPECTED, object)));
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException("no vectors in " + resource);
    }
    return cases.stream();
  }

  private static String field(Pattern pattern, String object) {
    final Matcher m = pattern.matcher(object);
    if (!m.find()) {
      throw new IllegalStateException("missing " + pattern + " in " + object);
    }
    return m.group(1).toLowerCase(Locale.ROOT);
  }
}
