package org.megaeth.config.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.util.Hex;

class ExtendedKeyTest {
  private static final ExtendedKey VECTOR_1 =
      ExtendedKey.master(Hex.decode("000102030405060708090a0b0c0d0e0f"));

  /** BIP-32 test vector 1: private keys and chain codes along m/0H/1/2H/2/1000000000. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "m | e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35 |"
            + " 873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508",
        "m/0H | edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea |"
            + " 47fdacbd0f1097043b78c63c20c34ef4ed9a111d980047ad16282c7ae6236141",
        "m/0'/1 | 3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368 |"
            + " 2a7857631386ba23dacac34180dd1983734e444fdbf774041578e9b6adb37c19",
        "m/0h/1/2H | cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca |"
            + " 04466b9cc8e161e966409ca52986c584f07e9dc81f735db683c3ff6ec7b1503f",
        "m/0H/1/2H/2 | 0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4 |"
            + " cfb71883f01676f587d023cc53a35bc7f88f724b1f8c2892ac1275ac822a3edd",
        "m/0H/1/2H/2/1000000000 | 471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8"
            + " | c783e67b921d2beb8f6b389cc646d7263b4145701dadd2161548a8b078e65e9e",
      })
  void shouldMatchBip32TestVector1(String path, String key, String chainCode) {
    ExtendedKey derived = VECTOR_1.derive(path);

    assertThat(derived.secretKey().toHexString()).isEqualTo("0x" + key);
    assertThat(Hex.encodeNoPrefix(derived.chainCode())).isEqualTo(chainCode);
  }

  @Test
  void shouldCompressThePublicKeyAsSec1() {
    assertThat(Hex.encodeNoPrefix(VECTOR_1.compressedPublicKey()))
        .isEqualTo("0339a36013301597daef41fbe593a02cc513d0b55527ec2df1050e2e8ff49c85c2");
  }

  @Test
  void shouldDeriveStepByStepAsAlongAPath() {
    ExtendedKey stepwise = VECTOR_1.child(ExtendedKey.HARDENED).child(1);

    assertThat(stepwise.secretKey()).isEqualTo(VECTOR_1.derive("m/0'/1").secretKey());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "44'/60' | a derivation path starts with m/, got \"44'/60'\"",
        "m/44x | bad step \"44x\" in derivation path \"m/44x\"",
        "m//1 | bad step \"\" in derivation path \"m//1\"",
        "m/2147483648 | step \"2147483648\" in derivation path \"m/2147483648\" is above 2^31 - 1",
      })
  void shouldRejectAMalformedPath(String path, String message) {
    assertThatThrownBy(() -> VECTOR_1.derive(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void shouldNotShowTheKeyWhenPrinted() {
    assertThat(VECTOR_1.toString()).isEqualTo("ExtendedKey[redacted]");
  }
}
