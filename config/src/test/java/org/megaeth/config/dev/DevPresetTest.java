package org.megaeth.config.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.megaeth.config.ConfigException;
import org.megaeth.config.DevOptions;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.genesis.BlobParams;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisAccount;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.config.genesis.GenesisWriter;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;

class DevPresetTest {
  private static final Address ACCOUNT_0 =
      Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

  private static NodeOptions dev(String... overrides) throws ConfigException {
    NodeOptions.Builder builder = NodeOptions.builder().override("dev.enabled", "true");
    for (int i = 0; i < overrides.length; i += 2) {
      builder.override(overrides[i], overrides[i + 1]);
    }
    return builder.build();
  }

  @Test
  void shouldBuildACancunGenesisFundingTenAccountsWhenNothingElseIsAsked() throws ConfigException {
    Genesis genesis = DevPreset.of(dev()).genesis();

    assertThat(genesis.chainId()).isEqualTo(1337);
    assertThat(genesis.forkAtGenesis()).isEqualTo(Fork.CANCUN);
    assertThat(genesis.forks().activationTimestamp(Fork.CANCUN)).contains(0L);
    assertThat(genesis.forks().activationTimestamp(Fork.PRAGUE)).isEmpty();
    assertThat(genesis.gasLimit()).isEqualTo(10_000_000_000L);
    assertThat(genesis.baseFeePerGas()).contains(Wei.fromGwei(1));
    assertThat(genesis.excessBlobGas()).contains(0L);
    assertThat(genesis.blobSchedule()).containsOnlyKeys("cancun");
    assertThat(genesis.blobParams(Fork.CANCUN)).contains(BlobParams.CANCUN);
    assertThat(genesis.alloc()).hasSize(11); // ten accounts and the EIP-4788 contract
    assertThat(genesis.alloc().get(ACCOUNT_0))
        .isEqualTo(GenesisAccount.funded(Wei.fromEth(10_000)));
    assertThat(genesis.alloc()).containsKey(SystemContracts.BEACON_ROOTS);
    assertThat(genesis.alloc()).doesNotContainKey(SystemContracts.HISTORY_STORAGE);
  }

  @Test
  void shouldFollowTheOptionsWhenTheyChangeTheDevChain() throws ConfigException {
    NodeOptions options =
        dev(
            "chain-id", "31337",
            "dev.accounts", "3",
            "dev.balance", "5",
            "dev.fork", "prague",
            "sequencer.block-gas-limit", "30000000");

    DevPreset preset = DevPreset.of(options);
    Genesis genesis = preset.genesis();

    assertThat(preset.accounts()).hasSize(3);
    assertThat(genesis.chainId()).isEqualTo(31337);
    assertThat(genesis.gasLimit()).isEqualTo(30_000_000L);
    assertThat(genesis.forkAtGenesis()).isEqualTo(Fork.PRAGUE);
    assertThat(genesis.alloc().get(ACCOUNT_0).balance()).isEqualTo(Wei.fromEth(5));
    assertThat(genesis.alloc())
        .containsKeys(
            SystemContracts.HISTORY_STORAGE,
            SystemContracts.WITHDRAWAL_REQUESTS,
            SystemContracts.CONSOLIDATION_REQUESTS)
        .hasSize(7);
    assertThat(genesis.blobSchedule()).containsOnlyKeys("cancun", "prague");
  }

  @Test
  void shouldDeploySystemContractsWithTheCodeOfTheExecutionApisGenesis() throws ConfigException {
    Genesis reference =
        GenesisLoader.parse(
            resource("/org/megaeth/config/genesis/execution-apis-genesis.json"), "genesis.json");
    Genesis dev = DevPreset.of(dev("dev.fork", "osaka")).genesis();

    for (Address contract :
        new Address[] {
          SystemContracts.BEACON_ROOTS,
          SystemContracts.HISTORY_STORAGE,
          SystemContracts.WITHDRAWAL_REQUESTS,
          SystemContracts.CONSOLIDATION_REQUESTS
        }) {
      assertThat(dev.alloc().get(contract).code())
          .as("code of %s", contract)
          .isEqualTo(reference.alloc().get(contract).code());
      assertThat(dev.alloc().get(contract).nonce()).isEqualTo(1);
    }
    for (String fork : new String[] {"cancun", "prague", "osaka"}) {
      assertThat(dev.blobSchedule().get(fork)).isEqualTo(reference.blobSchedule().get(fork));
    }
  }

  @Test
  void shouldGiveTheSameGenesisOnEveryRunAndReadItBackFromJson() throws ConfigException {
    Genesis first = DevPreset.of(dev()).genesis();
    Genesis second = DevPreset.of(dev()).genesis();

    assertThat(second).isEqualTo(first);
    assertThat(GenesisLoader.parse(GenesisWriter.toJson(first), "dev.json")).isEqualTo(first);
  }

  @Test
  void shouldPrintAccountsAndKeysAsAnvilDoes() throws ConfigException {
    String banner = DevPreset.of(dev("dev.accounts", "2")).banner();

    assertThat(banner)
        .contains("Available Accounts\n==================\n")
        .contains("(0) 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 (10000 ETH)\n")
        .contains("(1) 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 (10000 ETH)\n")
        .contains("Private Keys\n==================\n")
        .contains("(0) 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n")
        .contains("(1) 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d\n")
        .contains("Mnemonic:          test test test test test test test test test test test junk")
        .contains("Derivation path:   m/44'/60'/0'/0/\n")
        .contains("Chain ID\n==================\n\n1337\n")
        .doesNotContain("(2)");
  }

  @Test
  void shouldNotPrintTheMnemonicOrKeysThroughToString() throws ConfigException {
    DevPreset preset = DevPreset.of(dev());

    assertThat(preset.toString()).doesNotContain("test test").doesNotContain("0xac0974");
  }

  @Test
  void shouldNameTheOptionWhenTheMnemonicIsBad() {
    NodeOptions d = NodeOptions.defaults();
    // Built directly: the builder would already reject the mnemonic.
    NodeOptions options =
        new NodeOptions(
            d.role(),
            d.dataDir(),
            d.genesisFile(),
            d.chainId(),
            d.logLevel(),
            new DevOptions(
                true, 1, "test test test test test test test test test test test", 1, Fork.CANCUN),
            d.rpc(),
            d.p2p(),
            d.sequencer(),
            d.prover(),
            d.fullnode(),
            d.metrics());

    assertThatThrownBy(() -> DevPreset.of(options))
        .isInstanceOf(ConfigException.class)
        .hasMessage("dev.mnemonic must have 12, 15, 18, 21 or 24 words, got 11");
  }

  private static String resource(String name) {
    try (InputStream in = DevPresetTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
