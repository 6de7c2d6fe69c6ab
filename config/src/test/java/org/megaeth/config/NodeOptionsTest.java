package org.megaeth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;

class NodeOptionsTest {
  private static final String NODE_ID = "a".repeat(128);

  @ParameterizedTest(name = "configured {0} on {1} cores: {2} execution threads")
  @CsvSource({
    "0, 2, 1", // serial below 4 cores: the worker would only compete with ingress
    "0, 3, 1",
    "0, 4, 4",
    "0, 100, 100",
    "2, 2, 2", // a count given is kept
    "1, 100, 1"
  })
  void shouldResolveZeroExecutionThreadsToOnePerCoreFromFourCoresAndSerialBelow(
      int configured, int cores, int expected) {
    assertThat(SequencerOptions.execThreadsFor(configured, cores)).isEqualTo(expected);
  }

  @Test
  void shouldHoldTheDocumentedDefaultsWhenNothingIsConfigured() {
    NodeOptions options = NodeOptions.defaults();

    assertThat(options.role()).isEqualTo(Role.SEQUENCER);
    assertThat(options.genesisFile()).isEmpty();
    assertThat(options.chainId()).isEmpty();
    assertThat(options.logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(options.dev().enabled()).isFalse();
    assertThat(options.dev().accounts()).isEqualTo(10);
    assertThat(options.dev().mnemonic())
        .isEqualTo("test test test test test test test test test test test junk");
    assertThat(options.dev().fork()).isEqualTo(Fork.CANCUN);
    assertThat(options.rpc().host()).isEqualTo("127.0.0.1");
    assertThat(options.rpc().port()).isEqualTo(8545);
    assertThat(options.rpc().wsEnabled()).isTrue();
    assertThat(options.rpc().namespaces())
        .containsExactly(RpcNamespace.ETH, RpcNamespace.NET, RpcNamespace.WEB3);
    assertThat(options.p2p().port()).isEqualTo(30303);
    assertThat(options.sequencer().miniBlockInterval()).isEqualTo(Duration.ofMillis(10));
    assertThat(options.sequencer().blockInterval()).isEqualTo(Duration.ofMillis(1000));
    assertThat(options.sequencer().blockGasLimit()).isEqualTo(10_000_000_000L);
    assertThat(options.metrics().enabled()).isFalse();
  }

  @Test
  void shouldPassValidationWhenOnlyDefaultsAreUsed() throws ConfigException {
    assertThat(NodeOptions.builder().build()).isEqualTo(NodeOptions.defaults());
  }

  @Test
  void shouldKeepOtherValuesWhenTypedSettersOverrideSome() throws ConfigException {
    NodeOptions.Builder builder = NodeOptions.defaults().toBuilder();
    builder.role(Role.FULLNODE);
    builder.rpc().port(9545 + 1).host("0.0.0.0");
    builder.fullnode().sequencerAddress(Optional.of(Address.ofNumber(7)));

    NodeOptions options = builder.build();

    assertThat(options.role()).isEqualTo(Role.FULLNODE);
    assertThat(options.rpc().port()).isEqualTo(9546);
    assertThat(options.rpc().host()).isEqualTo("0.0.0.0");
    assertThat(options.rpc().maxBatchSize()).isEqualTo(1000);
    assertThat(options.fullnode().sequencerAddress()).contains(Address.ofNumber(7));
    assertThat(options.toBuilder().build()).isEqualTo(options);
  }

  @Test
  void shouldParseEveryKindOfValueWhenOverriddenByDottedKey() throws ConfigException {
    Map<String, String> cli = new LinkedHashMap<>();
    cli.put("role", "fullnode");
    cli.put("data-dir", "/srv/megaeth");
    cli.put("chain-id", "4242");
    cli.put("log-level", "DEBUG");
    cli.put("rpc.port", "8546");
    cli.put("rpc.ws-enabled", "false");
    cli.put("rpc.namespaces", "eth, debug,txpool");
    cli.put("rpc.cors-origins", "https://app.example,http://localhost:3000");
    cli.put("rpc.evm-timeout-ms", "250");
    cli.put("sequencer.block-gas-limit", "30_000_000");
    cli.put("sequencer.coinbase", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    cli.put("dev.fork", "prague");
    cli.put("p2p.bootnodes", "enode://" + NODE_ID + "@10.0.0.1:30303");

    NodeOptions options = NodeOptions.builder().overrides(cli).build();

    assertThat(options.role()).isEqualTo(Role.FULLNODE);
    assertThat(options.dataDir()).isEqualTo(Path.of("/srv/megaeth"));
    assertThat(options.chainId()).contains(4242L);
    assertThat(options.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(options.rpc().port()).isEqualTo(8546);
    assertThat(options.rpc().wsEnabled()).isFalse();
    assertThat(options.rpc().namespaces())
        .containsExactly(RpcNamespace.ETH, RpcNamespace.TXPOOL, RpcNamespace.DEBUG);
    assertThat(options.rpc().corsOrigins())
        .containsExactly("https://app.example", "http://localhost:3000");
    assertThat(options.rpc().evmTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(options.sequencer().blockGasLimit()).isEqualTo(30_000_000L);
    assertThat(options.sequencer().coinbase())
        .contains(Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
    assertThat(options.dev().fork()).isEqualTo(Fork.PRAGUE);
    assertThat(options.p2p().bootnodes()).hasSize(1);
  }

  @Test
  void shouldClearAListOrOptionalWhenOverriddenWithAnEmptyString() throws ConfigException {
    NodeOptions.Builder builder = NodeOptions.builder();
    builder.override("chain-id", "5").override("rpc.host-allowlist", "a,b");

    NodeOptions options =
        builder.override("chain-id", "").override("rpc.host-allowlist", "").build();

    assertThat(options.chainId()).isEmpty();
    assertThat(options.rpc().hostAllowlist()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rpc.port | 70000 | rpc.port must be between 1 and 65535, got 70000",
        "rpc.port | 0 | rpc.port must be between 1 and 65535, got 0",
        "rpc.port | 85x45 | rpc.port must be an integer, got \"85x45\"",
        "p2p.max-peers | -1 | p2p.max-peers must be between 0 and 10000, got -1",
        "chain-id | 0 | chain-id must be at least 1, got 0",
        "chain-id | 99999999999999999999 | chain-id must be at least 1, got 99999999999999999999",
        "rpc.enabled | yes | rpc.enabled must be true or false, got \"yes\"",
        "role | sequenser | role must be one of sequencer, prover, fullnode; got \"sequenser\"",
        "dev.fork | london | dev.fork must be paris or later, got london",
        "rpc.namespaces | eth,eht | rpc.namespaces item 2 must be one of eth, net, web3, txpool,"
            + " debug, admin; got \"eht\"",
        "sequencer.coinbase | f39fd6e51aad88f6f4ce6ab8827279cffFb92266 | sequencer.coinbase must be"
            + " a 0x-prefixed address, got \"f39fd6e51aad88f6f4ce6ab8827279cffFb92266\"",
        "sequencer.block-gas-limit | 100 | sequencer.block-gas-limit must be at least 5000, got 100",
        "sequencer.mini-block-interval-ms | 0 | sequencer.mini-block-interval-ms must be between 1"
            + " and 60000, got 0",
        "rpc.host | ' ' | rpc.host must not be empty",
        "p2p.bootnodes | enode://abc@host:1 | p2p.bootnodes item 1 must be enode://<128 hex digit"
            + " node id>@<host>:<port>, got \"enode://abc@host:1\"",
      })
  void shouldNameTheKeyAndValueWhenAnOverrideIsBad(String key, String value, String message) {
    assertThatThrownBy(() -> NodeOptions.builder().override(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }

  @Test
  void shouldRejectABadChecksumAddressWhenOverridden() {
    assertThatThrownBy(
            () ->
                NodeOptions.builder()
                    .override(
                        "prover.sequencer-address", "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("prover.sequencer-address is not a valid address: ")
        .hasMessageContaining("EIP-55");
  }

  @Test
  void shouldNameTheClosestKeyWhenAnOverrideKeyIsUnknown() {
    assertThatThrownBy(() -> NodeOptions.builder().override("rpc.prot", "1"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown key \"rpc.prot\" (did you mean \"rpc.port\"?)");
    assertThatThrownBy(() -> NodeOptions.builder().override("rpc.max-peers", "1"))
        .hasMessage("unknown key \"rpc.max-peers\" (did you mean \"p2p.max-peers\"?)");
    assertThatThrownBy(() -> NodeOptions.builder().override("completely-different", "1"))
        .hasMessage("unknown key \"completely-different\"");
  }

  @Test
  void shouldRejectATypedOutOfRangeValueWhenBuilt() {
    NodeOptions.Builder builder = NodeOptions.builder();
    builder.metrics().port(70_000);

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigException.class)
        .hasMessage("metrics.port must be between 1 and 65535, got 70000");
  }

  @Test
  void shouldTakeTheRpcLimitsOperatorsTuneAndRefuseASyncDefaultAboveItsCap()
      throws ConfigException {
    NodeOptions options =
        NodeOptions.builder()
            .override("rpc.sync-timeout-ms", "500")
            .override("rpc.sync-max-timeout-ms", "5000")
            .override("rpc.max-response-bytes", "1048576")
            .override("rpc.logs-max-block-range", "2000")
            .override("rpc.logs-max-results", "500")
            .override("rpc.allow-unprotected-txs", "true")
            .build();
    assertThat(options.rpc().syncTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.rpc().syncMaxTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.rpc().maxResponseBytes()).isEqualTo(1_048_576);
    assertThat(options.rpc().logsMaxBlockRange()).isEqualTo(2_000);
    assertThat(options.rpc().logsMaxResults()).isEqualTo(500);
    assertThat(options.rpc().allowUnprotectedTxs()).isTrue();
    assertThat(NodeOptions.builder().build().rpc().allowUnprotectedTxs()).isFalse();

    NodeOptions.Builder bad = NodeOptions.builder().override("rpc.sync-timeout-ms", "30000");
    assertThatThrownBy(bad::build)
        .isInstanceOf(ConfigException.class)
        .hasMessage("rpc.sync-timeout-ms (30000) must not exceed rpc.sync-max-timeout-ms (20000)");
  }

  @Test
  void shouldRejectAMiniBlockIntervalLongerThanTheBlockInterval() throws ConfigException {
    NodeOptions.Builder builder =
        NodeOptions.builder().override("sequencer.mini-block-interval-ms", "2000");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "sequencer.mini-block-interval-ms (2000) must not exceed"
                + " sequencer.block-interval-ms (1000)");
    assertThat(builder.override("sequencer.block-interval-ms", "4000").build()).isNotNull();
  }

  @Test
  void shouldRejectDevModeWhenAGenesisFileIsAlsoSet() throws ConfigException {
    NodeOptions.Builder builder =
        NodeOptions.builder().override("dev.enabled", "true").override("genesis", "g.json");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigException.class)
        .hasMessage("genesis cannot be combined with dev.enabled: dev mode builds its own genesis");
  }

  @Test
  void shouldRejectTwoListenersOnOnePortWhenTheirInterfacesOverlap() throws ConfigException {
    NodeOptions.Builder clash =
        NodeOptions.builder().override("metrics.enabled", "true").override("metrics.port", "8545");
    assertThatThrownBy(clash::build)
        .isInstanceOf(ConfigException.class)
        .hasMessage("metrics.port (8545) is already used by rpc.port");

    NodeOptions.Builder wildcard = NodeOptions.builder().override("rpc.port", "30303");
    assertThatThrownBy(wildcard::build).hasMessage("p2p.port (30303) is already used by rpc.port");

    NodeOptions.Builder disabled =
        NodeOptions.builder().override("metrics.port", "8545"); // metrics is off
    assertThat(disabled.build().metrics().port()).isEqualTo(8545);
  }

  @Test
  void shouldNameTheBadWordWithoutRepeatingTheMnemonicWhenItIsInvalid() {
    String mnemonic = "test test test test test test test test test test test jumk";

    assertThatThrownBy(() -> NodeOptions.builder().override("dev.mnemonic", mnemonic))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "dev.mnemonic has an unknown word 12 \"jumk\" (not in the BIP-39 English word list)");
    assertThatThrownBy(
            () ->
                NodeOptions.builder()
                    .override(
                        "dev.mnemonic",
                        "test test test test test test test test test test test test"))
        .hasMessage("dev.mnemonic has a bad checksum (a word is mistyped or out of order)");
  }

  @Test
  void shouldGiveBackTheSameOptionsWhenEveryValueRoundTripsThroughItsStringForm()
      throws ConfigException {
    NodeOptions custom =
        NodeOptions.builder()
            .override("role", "prover")
            .override("genesis", "/etc/megaeth/genesis.json")
            .override("chain-id", "777")
            .override("rpc.namespaces", "admin,eth")
            .override("rpc.cors-origins", "*")
            .override("p2p.node-key-file", "keys/p2p.key")
            .override("prover.sequencer-address", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
            .override(
                "dev.mnemonic",
                "legal winner thank year wave sausage worth useful legal" + " winner thank yellow")
            .build();

    for (NodeOptions options : List.of(NodeOptions.defaults(), custom)) {
      NodeOptions.Builder copy = NodeOptions.builder();
      for (OptionDoc doc : NodeOptions.documentation()) {
        copy.override(doc.key(), options.valueOf(doc.key()));
      }
      assertThat(copy.build()).isEqualTo(options);
    }
  }

  @Test
  void shouldDocumentEveryOptionOnceWithADescription() {
    List<OptionDoc> docs = NodeOptions.documentation();
    Set<String> keys = new HashSet<>();

    for (OptionDoc doc : docs) {
      assertThat(keys.add(doc.key())).as("unique key %s", doc.key()).isTrue();
      assertThat(doc.key()).matches("[a-z0-9-]+(\\.[a-z0-9-]+)?");
      assertThat(doc.description()).isNotBlank();
    }
    assertThat(docs)
        .extracting(OptionDoc::key)
        .contains("rpc.port", "sequencer.mini-block-interval-ms", "dev.mnemonic");
    assertThat(docs)
        .filteredOn(d -> d.key().equals("rpc.port"))
        .extracting(OptionDoc::defaultValue)
        .containsExactly("8545");
  }

  @Test
  void shouldHideACustomMnemonicWhenPrinted() throws ConfigException {
    String mnemonic = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    NodeOptions options = NodeOptions.builder().override("dev.mnemonic", mnemonic).build();

    assertThat(options.toString()).doesNotContain("legal").contains("<redacted>");
    assertThat(NodeOptions.defaults().toString()).contains("test test");
  }
}
