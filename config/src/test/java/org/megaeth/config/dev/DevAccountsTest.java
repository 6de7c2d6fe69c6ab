package org.megaeth.config.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.config.ConfigException;
import org.megaeth.config.Defaults;

class DevAccountsTest {
  private static List<DevAccount> accounts;

  @BeforeAll
  static void derive() throws ConfigException {
    accounts = DevAccounts.derive(Defaults.DEV_MNEMONIC, "", 20);
  }

  /** The accounts anvil and Hardhat print for the test mnemonic. */
  @ParameterizedTest
  @CsvSource({
    "0, 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266,"
        + " 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    "1, 0x70997970C51812dc3A010C7d01b50e0d17dc79C8,"
        + " 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
    "2, 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,"
        + " 0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    "3, 0x90F79bf6EB2c4f870365E785982E1f101E93b906,"
        + " 0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    "4, 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65,"
        + " 0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
    "5, 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc,"
        + " 0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    "9, 0xa0Ee7A142d267C1f36714E4a8F75612F20a79720,"
        + " 0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    "19, 0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199,"
        + " 0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e",
  })
  void shouldDeriveTheAccountsAnvilAndHardhatShow(int index, String address, String key) {
    DevAccount account = accounts.get(index);

    assertThat(account.index()).isEqualTo(index);
    assertThat(account.address().toChecksumString()).isEqualTo(address);
    assertThat(account.secretKey().toHexString()).isEqualTo(key);
  }

  @Test
  void shouldDeriveAPrefixOfTheSameListWhenFewerAreAsked() throws ConfigException {
    assertThat(DevAccounts.derive(Defaults.DEV_MNEMONIC, "", 3)).isEqualTo(accounts.subList(0, 3));
    assertThat(DevAccounts.derive(Defaults.DEV_MNEMONIC, "", 0)).isEmpty();
  }

  @Test
  void shouldDeriveOtherAccountsWhenAPassphraseIsGiven() throws ConfigException {
    List<DevAccount> withPassphrase = DevAccounts.derive(Defaults.DEV_MNEMONIC, "secret", 1);

    assertThat(withPassphrase.getFirst().address()).isNotEqualTo(accounts.getFirst().address());
  }

  @Test
  void shouldNameTheOptionAndNotTheMnemonicWhenTheChecksumIsBad() {
    String bad = "junk test test test test test test test test test test test";

    assertThatThrownBy(() -> DevAccounts.derive(bad, "", 1))
        .isInstanceOf(ConfigException.class)
        .hasMessage("dev.mnemonic has a bad checksum (a word is mistyped or out of order)");
  }

  @Test
  void shouldNotShowTheKeyWhenAnAccountIsPrinted() {
    assertThat(accounts.getFirst().toString())
        .isEqualTo("DevAccount[0, 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266]");
  }
}
