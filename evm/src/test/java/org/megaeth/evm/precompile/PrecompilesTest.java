package org.megaeth.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.Hex;

class PrecompilesTest {

  @Test
  void shouldHoldTheCancunSetWhenBuiltForCancun() {
    assertThat(Precompiles.forFork(Fork.CANCUN).keySet())
        .containsExactly(
            Address.ofNumber(1),
            Address.ofNumber(2),
            Address.ofNumber(3),
            Address.ofNumber(4),
            Address.ofNumber(5),
            Address.ofNumber(6),
            Address.ofNumber(7),
            Address.ofNumber(8),
            Address.ofNumber(9),
            Address.ofNumber(10));
    assertThat(Precompiles.forFork(Fork.PRAGUE))
        .containsAllEntriesOf(Precompiles.forFork(Fork.CANCUN));
  }

  @ParameterizedTest(name = "{0}({1})")
  @CsvSource({
    "2, 0x, 0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, 60",
    "2, 0x616263, 0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad, 72",
    "3, 0x, 0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31, 600",
    "3, 0x616263, 0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc, 720",
    "4, 0x, 0x, 15",
    "4, 0x0102030405, 0x0102030405, 18",
  })
  void shouldHashAndPriceWhenCalled(int number, String input, String output, long gas) {
    Precompile p = Precompiles.forFork(Fork.CANCUN).get(Address.ofNumber(number));
    byte[] in = Hex.decodeLenient(input);
    assertThat(p.gasCost(in)).isEqualTo(gas);
    PrecompileResult result = p.execute(in);
    assertThat(result.success()).isTrue();
    assertThat(Hex.encode(result.output())).isEqualTo(output);
  }

  @Test
  void shouldRecoverSignerWhenSignatureValid() {
    KeyPair keys =
        KeyPair.of(
            SecretKey.fromHex(
                "0x4646464646464646464646464646464646464646464646464646464646464646"));
    Hash digest = Keccak.hash(new byte[] {1, 2, 3});
    Signature sig = Secp256k1.sign(digest, keys.secretKey());
    byte[] input = new byte[128];
    digest.copyTo(input, 0);
    input[63] = (byte) (27 + sig.recId());
    sig.r().writeTo(input, 64);
    sig.s().writeTo(input, 96);
    PrecompileResult result = new EcRecoverPrecompile().execute(input);
    assertThat(result.success()).isTrue();
    assertThat(Address.fromWord(result.output(), 0)).isEqualTo(keys.address());

    input[63] = 29; // v must be 27 or 28
    assertThat(new EcRecoverPrecompile().execute(input).output()).isEmpty();
  }

  @Test
  void shouldComputeAndPriceWhenModExpIsEip198Example() {
    // 3^(p-1) mod p = 1 for the secp256k1 field prime p (EIP-198's first example).
    String input =
        "0x"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "03"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
            + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
    byte[] in = Hex.decodeLenient(input);
    assertThat(ModExpPrecompile.BERLIN.gasCost(in)).isEqualTo(1360); // EIP-2565: 4^2 * 255 / 3
    assertThat(Hex.encode(ModExpPrecompile.BERLIN.execute(in).output()))
        .isEqualTo("0x0000000000000000000000000000000000000000000000000000000000000001");
  }

  @Test
  void shouldChargeMinimumWhenModExpTiny() {
    byte[] in = Hex.decodeLenient("0x" + "00".repeat(96));
    assertThat(ModExpPrecompile.BERLIN.gasCost(in)).isEqualTo(200);
    assertThat(ModExpPrecompile.BERLIN.execute(in).output()).isEmpty();
  }

  private static final String BLAKE_BODY =
      "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
          + "6162630000000000000000000000000000000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000000"
          + "0000000000000000000000000000000000000000000000000000000000000000"
          + "0300000000000000"
          + "0000000000000000";

  @ParameterizedTest(name = "EIP-152 rounds {0} final {1}")
  @CsvSource({
    "0000000c, 01, 0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923, 12",
    "00000000, 01, 0x08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b, 0",
    "0000000c, 00, 0x75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735, 12",
    "00000001, 01, 0xb63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421, 1",
  })
  void shouldMatchEip152VectorWhenCompressing(String rounds, String flag, String output, long gas) {
    byte[] in = Hex.decodeLenient("0x" + rounds + BLAKE_BODY + flag);
    Blake2fPrecompile p = new Blake2fPrecompile();
    assertThat(p.gasCost(in)).isEqualTo(gas);
    assertThat(Hex.encode(p.execute(in).output())).isEqualTo(output);
  }

  @Test
  void shouldHaltWhenBlake2fInputMalformed() {
    Blake2fPrecompile p = new Blake2fPrecompile();
    assertThat(p.execute(new byte[0]).success()).isFalse();
    assertThat(p.execute(Hex.decodeLenient("0x0000000c" + BLAKE_BODY + "02")).success()).isFalse();
    assertThat(p.execute(Hex.decodeLenient("0x0000000c" + BLAKE_BODY)).success()).isFalse();
  }

  @Test
  void shouldHaltWhenPointEvaluationInputInvalid() {
    PointEvaluationPrecompile p = new PointEvaluationPrecompile();
    assertThat(p.gasCost(new byte[0])).isEqualTo(50_000);
    assertThat(p.execute(new byte[191]).success()).isFalse();
    assertThat(p.execute(new byte[192]).success()).isFalse(); // versioned hash mismatch
  }

  @Test
  void shouldPriceBn254PerEip1108() {
    assertThat(Bn254Precompiles.ADD.gasCost(new byte[0])).isEqualTo(150);
    assertThat(Bn254Precompiles.MUL.gasCost(new byte[0])).isEqualTo(6000);
    assertThat(Bn254Precompiles.PAIRING.gasCost(new byte[384])).isEqualTo(45_000 + 2 * 34_000);
    assertThat(Bn254Precompiles.PAIRING.execute(new byte[0]).output()[31]).isEqualTo((byte) 1);
  }
}
