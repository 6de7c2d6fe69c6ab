package org.megaeth.config.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.util.Hex;

class Bip39Test {
  @Test
  void shouldShipTheBip39EnglishWordListUnchanged() throws NoSuchAlgorithmException {
    String text = String.join("\n", Bip39.englishWordlist()) + "\n";
    byte[] sha256 =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));

    assertThat(Bip39.englishWordlist()).hasSize(2048).startsWith("abandon").endsWith("zoo");
    // The hash of bip-0039/english.txt as published with the BIP.
    assertThat(Hex.encodeNoPrefix(sha256))
        .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
  }

  /** Vectors of the BIP-39 reference implementation (passphrase "TREZOR"). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "00000000000000000000000000000000 | abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon abandon abandon about |"
            + " c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1"
            + "c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f | legal winner thank year wave sausage worth useful legal"
            + " winner thank yellow |"
            + " 2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c809"
            + "37a1c1069be3a3a5bd381ee6260e8d9739fce1f607",
        "9e885d952ad362caeb4efe34a8e91bd2 | ozone drill grab fiber curtain grace pudding thank"
            + " cruise elder eight picnic |"
            + " 274ddc525802f7c828d8ef7ddbcdc5304e87ac3535913611fbbfa986d0c9e5476c91689f9c8a54fd55bd38"
            + "606aa6a8595ad213d4c9c9f9aca3fb217069a41028",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | zoo zoo zoo zoo zoo zoo"
            + " zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote |"
            + " dd48c104698c30cfe2b6142103248622fb7bb0ff692eebb00089b32d22484e1613912f0a5b694407be899f"
            + "fd31ed3992c456cdf60f5d4564b8ba3f05a69890ad",
      })
  void shouldMatchTheReferenceVectors(String entropy, String mnemonic, String seed) {
    assertThat(Bip39.fromEntropy(Hex.decode(entropy))).isEqualTo(mnemonic);
    assertThat(Hex.encodeNoPrefix(Bip39.toEntropy(mnemonic))).isEqualTo(entropy);
    assertThat(Bip39.findProblem(mnemonic)).isEmpty();
    assertThat(Hex.encodeNoPrefix(Bip39.seed(mnemonic, "TREZOR"))).isEqualTo(seed);
  }

  @Test
  void shouldDeriveAnvilsSeedWhenTheTestMnemonicHasNoPassphrase() {
    assertThat(
            Hex.encodeNoPrefix(
                Bip39.seed("test test test test test test test test test test test junk", "")))
        .isEqualTo(
            "9dfc3c64c2f8bede1533b6a79f8570e5943e0b8fd1cf77107adf7b72cef42185d564a3aee24cab43f80e3c"
                + "4538087d70fc824eabbad596a23c97b6ee8322ccc0");
  }

  @Test
  void shouldGiveTheSameSeedWhenWhitespaceDiffers() {
    String tidy = "test test test test test test test test test test test junk";
    String messy = "  test\ttest test  test test test\ntest test test test test   junk ";

    assertThat(Bip39.normalize(messy)).isEqualTo(tidy);
    assertThat(Bip39.seed(messy, "")).isEqualTo(Bip39.seed(tidy, ""));
    assertThat(Bip39.findProblem(messy)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | must have 12, 15, 18, 21 or 24 words, got 0",
        "test test test | must have 12, 15, 18, 21 or 24 words, got 3",
        "test test test test test test test test test test test test junk | must have 12, 15, 18,"
            + " 21 or 24 words, got 13",
        "test test test test test test test test test test test jnuk | has an unknown word 12"
            + " \"jnuk\" (not in the BIP-39 English word list)",
        "Test test test test test test test test test test test junk | has an unknown word 1"
            + " \"Test\" (not in the BIP-39 English word list; words are lower case)",
        "junk test test test test test test test test test test test | has a bad checksum (a word is"
            + " mistyped or out of order)",
      })
  void shouldSayWhatIsWrongWhenAMnemonicIsInvalid(String mnemonic, String problem) {
    assertThat(Bip39.findProblem(mnemonic)).contains(problem);
    assertThatThrownBy(() -> Bip39.toEntropy(mnemonic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mnemonic " + problem);
  }

  @Property(tries = 100)
  void shouldRoundTripAnyEntropyThroughItsMnemonic(
      @ForAll @Size(value = 16) byte[] entropy16, @ForAll @Size(value = 32) byte[] entropy32) {
    for (byte[] entropy : new byte[][] {entropy16, entropy32}) {
      String mnemonic = Bip39.fromEntropy(entropy);

      assertThat(Bip39.findProblem(mnemonic)).isEmpty();
      assertThat(Bip39.toEntropy(mnemonic)).isEqualTo(entropy);
    }
  }
}
