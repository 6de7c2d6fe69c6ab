package org.megaeth.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;

/** EIP-2537 against the EIP's own vectors (see {@code src/test/resources/eip2537/README.md}). */
class Bls12381PrecompilesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, Precompile> BY_FILE =
      Map.of(
          "add_G1_bls", Bls12381Precompiles.G1ADD,
          "add_G2_bls", Bls12381Precompiles.G2ADD,
          "msm_G1_bls", Bls12381Precompiles.G1MSM,
          "msm_G2_bls", Bls12381Precompiles.G2MSM,
          "pairing_check_bls", Bls12381Precompiles.PAIRING_CHECK,
          "map_fp_to_G1_bls", Bls12381Precompiles.MAP_FP_TO_G1,
          "map_fp2_to_G2_bls", Bls12381Precompiles.MAP_FP2_TO_G2);

  private static final String PAD = "00".repeat(16);
  private static final String G1 =
      PAD
          + "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"
          + PAD
          + "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1";

  /** On the curve but not in G1 (upstream {@code bls_g1add_g1_wrong_order+g1}). */
  private static final String G1_WRONG_ORDER =
      PAD
          + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
          + PAD
          + "193fb7cedb32b2c3adc06ec11a96bc0d661869316f5e4a577a9f7c179593987beb4fb2ee424dbb2f5dd891e228b46c4a";

  private static final String G2 =
      PAD
          + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"
          + PAD
          + "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
          + PAD
          + "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"
          + PAD
          + "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be";

  /** On the twist but not in G2 (upstream {@code bls_g2add_g2_wrong_order+g2}). */
  private static final String G2_WRONG_ORDER =
      PAD
          + "197bfd0342bbc8bee2beced2f173e1a87be576379b343e93232d6cef98d84b1d696e5612ff283ce2cfdccb2cfb65fa0c"
          + PAD
          + "184e811f55e6f9d84d77d2f79102fd7ea7422f4759df5bf7f6331d550245e3f1bcf6a30e3b29110d85e0ca16f9f6ae7a"
          + PAD
          + "0f10e1eb3c1e53d2ad9cf2d398b2dc22c5842fab0a74b174f691a7e914975da3564d835cd7d2982815b8ac57f507348f"
          + PAD
          + "0767d1c453890f1b9110fda82f5815c27281aba3f026ee868e4176a0654feea41a96575e0c4d58a14dbfbcc05b5010b1";

  private static final String P_HEX =
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";
  private static final String SCALAR_TWO = "00".repeat(31) + "02";

  static Stream<Arguments> successVectors() {
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, Precompile> file : BY_FILE.entrySet()) {
      for (JsonNode entry : read(file.getKey() + ".json")) {
        cases.add(
            Arguments.of(
                file.getKey() + "/" + entry.get("Name").asText(),
                file.getValue(),
                entry.get("Input").asText(),
                entry.get("Expected").asText(),
                entry.get("Gas").asLong()));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> failVectors() {
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, Precompile> file : BY_FILE.entrySet()) {
      String name = "fail-" + file.getKey() + ".json";
      if (Bls12381PrecompilesTest.class.getResource("/eip2537/" + name) == null) {
        continue;
      }
      for (JsonNode entry : read(name)) {
        cases.add(
            Arguments.of(
                name + "/" + entry.get("Name").asText(),
                file.getValue(),
                entry.get("Input").asText()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("successVectors")
  void shouldMatchOutputAndGasWhenVectorIsValid(
      String name, Precompile precompile, String input, String expected, long gas) {
    byte[] in = HEX.parseHex(input);
    assertThat(precompile.gasCost(in)).isEqualTo(gas);
    PrecompileResult result = precompile.execute(in);
    assertThat(result.success()).isTrue();
    assertThat(HEX.formatHex(result.output())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failVectors")
  void shouldHaltWhenVectorIsInvalid(String name, Precompile precompile, String input) {
    assertThat(precompile.execute(HEX.parseHex(input)).success()).isFalse();
  }

  @Test
  void shouldAddTheSevenBlsPrecompilesWhenBuiltForPrague() {
    Map<Address, Precompile> prague = Precompiles.forFork(Fork.PRAGUE);
    assertThat(prague).hasSize(17);
    assertThat(prague.get(Address.ofNumber(0x0b))).isSameAs(Bls12381Precompiles.G1ADD);
    assertThat(prague.get(Address.ofNumber(0x0c))).isSameAs(Bls12381Precompiles.G1MSM);
    assertThat(prague.get(Address.ofNumber(0x0d))).isSameAs(Bls12381Precompiles.G2ADD);
    assertThat(prague.get(Address.ofNumber(0x0e))).isSameAs(Bls12381Precompiles.G2MSM);
    assertThat(prague.get(Address.ofNumber(0x0f))).isSameAs(Bls12381Precompiles.PAIRING_CHECK);
    assertThat(prague.get(Address.ofNumber(0x10))).isSameAs(Bls12381Precompiles.MAP_FP_TO_G1);
    assertThat(prague.get(Address.ofNumber(0x11))).isSameAs(Bls12381Precompiles.MAP_FP2_TO_G2);
    assertThat(Precompiles.forFork(Fork.CANCUN)).doesNotContainKey(Address.ofNumber(0x0b));
  }

  @Test
  void shouldHaveOneHundredTwentyEightDiscountsWhenTablesAreFinal() {
    assertThat(Bls12381Precompiles.G1_MSM_DISCOUNT).hasSize(128);
    assertThat(Bls12381Precompiles.G2_MSM_DISCOUNT).hasSize(128);
  }

  /** k pairs of the MSM: gas = k * base * discount(k) / 1000, discount capped after k = 128. */
  @ParameterizedTest(name = "G1MSM k={0}")
  @CsvSource({
    "1, 12000", // 1 * 12000 * 1000 / 1000
    "2, 22776", // 2 * 12000 * 949 / 1000
    "3, 30528", // upstream bls_g1msm_discount_table_3
    "128, 797184", // 128 * 12000 * 519 / 1000
    "149, 927972", // upstream bls_g1msm_discount_table_149: the 519 cap
  })
  void shouldPriceG1MsmWhenInputHasKPairs(int k, long gas) {
    assertThat(Bls12381Precompiles.G1MSM.gasCost(new byte[160 * k])).isEqualTo(gas);
  }

  @ParameterizedTest(name = "G2MSM k={0}")
  @CsvSource({
    "1, 22500",
    "2, 45000", // the G2 table starts 1000, 1000
    "3, 62302", // 3 * 22500 * 923 / 1000 = 62302.5, rounded down
    "6, 112320", // upstream bls_g2msm_multiple
    "7, 127890", // upstream bls_g2msm_multiple_with_point_at_infinity
    "129, 1520910", // 129 * 22500 * 524 / 1000
  })
  void shouldPriceG2MsmWhenInputHasKPairs(int k, long gas) {
    assertThat(Bls12381Precompiles.G2MSM.gasCost(new byte[288 * k])).isEqualTo(gas);
  }

  @Test
  void shouldPriceByWholePairsWhenLengthIsNotAMultiple() {
    // Gas uses floor(len / pair length); the call then fails on the length.
    assertThat(Bls12381Precompiles.G1MSM.gasCost(new byte[159])).isZero();
    assertThat(Bls12381Precompiles.G1MSM.gasCost(new byte[161])).isEqualTo(12_000);
    assertThat(Bls12381Precompiles.PAIRING_CHECK.gasCost(new byte[0])).isEqualTo(37_700);
    assertThat(Bls12381Precompiles.PAIRING_CHECK.gasCost(new byte[384 * 3 + 1]))
        .isEqualTo(37_700 + 3 * 32_600);
    assertThat(Bls12381Precompiles.G1MSM.execute(new byte[161]).success()).isFalse();
  }

  @Test
  void shouldAddWithoutSubgroupCheckButRefuseMsmAndPairingWhenPointIsOutsideSubgroup() {
    assertThat(Bls12381Precompiles.G2ADD.execute(HEX.parseHex(G2_WRONG_ORDER + G2)).success())
        .isTrue();
    assertThat(
            Bls12381Precompiles.G2MSM.execute(HEX.parseHex(G2_WRONG_ORDER + SCALAR_TWO)).success())
        .isFalse();
    // A zero scalar does not skip the check.
    assertThat(
            Bls12381Precompiles.G2MSM
                .execute(HEX.parseHex(G2_WRONG_ORDER + "00".repeat(32)))
                .success())
        .isFalse();
    assertThat(
            Bls12381Precompiles.G1MSM
                .execute(HEX.parseHex(G1_WRONG_ORDER + "00".repeat(32)))
                .success())
        .isFalse();
    assertThat(
            Bls12381Precompiles.PAIRING_CHECK.execute(HEX.parseHex(G1_WRONG_ORDER + G2)).success())
        .isFalse();
    assertThat(
            Bls12381Precompiles.PAIRING_CHECK.execute(HEX.parseHex(G1 + G2_WRONG_ORDER)).success())
        .isFalse();
    // Even paired with infinity, which would contribute 1.
    assertThat(
            Bls12381Precompiles.PAIRING_CHECK
                .execute(HEX.parseHex(G1_WRONG_ORDER + "00".repeat(256)))
                .success())
        .isFalse();
  }

  @Test
  void shouldRefuseG2WhenEncodingIsInvalid() {
    String g2xc1 = G2.substring(128, 256);
    String rest = G2.substring(256);
    // x.c0 = p: not below the modulus.
    String xAtP = PAD + P_HEX + g2xc1 + rest;
    // A non-zero byte in the 16 padding bytes of y.c1.
    String badPadding = G2.substring(0, 384) + "01" + G2.substring(386);
    // Not on the twist: y.c0 and y.c1 swapped.
    String offCurve = G2.substring(0, 256) + G2.substring(384) + G2.substring(256, 384);
    for (String point : List.of(xAtP, badPadding, offCurve)) {
      assertThat(Bls12381Precompiles.G2ADD.execute(HEX.parseHex(point + G2)).success()).isFalse();
      assertThat(Bls12381Precompiles.G2MSM.execute(HEX.parseHex(point + SCALAR_TWO)).success())
          .isFalse();
    }
    assertThat(Bls12381Precompiles.G2ADD.execute(HEX.parseHex(G2 + G2 + "00")).success()).isFalse();
    assertThat(Bls12381Precompiles.G2MSM.execute(new byte[0]).success()).isFalse();
  }

  @Test
  void shouldRefuseFieldElementEqualToModulusWhenMapping() {
    byte[] atP = HEX.parseHex(PAD + P_HEX);
    assertThat(Bls12381Precompiles.MAP_FP_TO_G1.execute(atP).success()).isFalse();
    byte[] belowP = HEX.parseHex(PAD + P_HEX.substring(0, 95) + "a");
    assertThat(Bls12381Precompiles.MAP_FP_TO_G1.execute(belowP).success()).isTrue();
  }

  @Test
  void shouldMapZeroWhenInputIsTheExceptionalCase() {
    // u = 0 takes the SWU exceptional branch (x1 = B / (Z * A)); the result is still in G1/G2.
    PrecompileResult g1 = Bls12381Precompiles.MAP_FP_TO_G1.execute(new byte[64]);
    PrecompileResult g2 = Bls12381Precompiles.MAP_FP2_TO_G2.execute(new byte[128]);
    assertThat(g1.success()).isTrue();
    assertThat(g2.success()).isTrue();
    // The mapped points are valid MSM inputs, which checks them for the subgroup.
    assertThat(
            Bls12381Precompiles.G1MSM
                .execute(HEX.parseHex(HEX.formatHex(g1.output()) + SCALAR_TWO))
                .success())
        .isTrue();
    assertThat(
            Bls12381Precompiles.G2MSM
                .execute(HEX.parseHex(HEX.formatHex(g2.output()) + SCALAR_TWO))
                .success())
        .isTrue();
  }

  private static JsonNode read(String name) {
    try (InputStream in = Bls12381PrecompilesTest.class.getResourceAsStream("/eip2537/" + name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
