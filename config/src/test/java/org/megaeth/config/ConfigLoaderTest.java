package org.megaeth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.core.types.Address;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String toml) throws IOException {
    Path file = dir.resolve("node.toml");
    Files.writeString(file, toml);
    return file;
  }

  @Test
  void shouldReadTopLevelKeysAndTablesWhenTheFileIsValid() throws Exception {
    Path file =
        write(
            """
            # a sequencer on a public interface
            role = "sequencer"
            data-dir = "/var/lib/megaeth"
            log-level = "debug"

            [rpc]
            host = "0.0.0.0"
            port = 8546
            namespaces = ["eth", "net", "web3", "debug"]
            cors-origins = [
              "https://app.example",
            ]

            [sequencer]
            mini-block-interval-ms = 20
            block-gas-limit = 2_000_000_000
            coinbase = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"

            [metrics]
            enabled = true
            """);

    NodeOptions options = ConfigLoader.load(file);

    assertThat(options.dataDir()).isEqualTo(Path.of("/var/lib/megaeth"));
    assertThat(options.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(options.rpc().host()).isEqualTo("0.0.0.0");
    assertThat(options.rpc().port()).isEqualTo(8546);
    assertThat(options.rpc().namespaces()).contains(RpcNamespace.DEBUG).hasSize(4);
    assertThat(options.rpc().corsOrigins()).containsExactly("https://app.example");
    assertThat(options.sequencer().miniBlockInterval()).isEqualTo(Duration.ofMillis(20));
    assertThat(options.sequencer().blockGasLimit()).isEqualTo(2_000_000_000L);
    assertThat(options.sequencer().coinbase())
        .contains(Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
    assertThat(options.metrics().enabled()).isTrue();
    assertThat(options.p2p()).isEqualTo(NodeOptions.defaults().p2p());
  }

  @Test
  void shouldUseTheDefaultsWhenTheFileIsEmpty() throws Exception {
    assertThat(ConfigLoader.load(write(""))).isEqualTo(NodeOptions.defaults());
    assertThat(ConfigLoader.load(write("# only a comment\n"))).isEqualTo(NodeOptions.defaults());
  }

  @Test
  void shouldAcceptDottedKeysAndInlineTablesAsTomlAllows() throws Exception {
    NodeOptions options =
        ConfigLoader.load(write("rpc.port = 9000\np2p = { port = 30304, max-peers = 3 }\n"));

    assertThat(options.rpc().port()).isEqualTo(9000);
    assertThat(options.p2p().port()).isEqualTo(30304);
    assertThat(options.p2p().maxPeers()).isEqualTo(3);
  }

  @Test
  void shouldNameFileLineAndKeyWhenAKeyIsUnknown() throws Exception {
    Path file = write("role = \"sequencer\"\n\n[rpc]\nhost = \"127.0.0.1\"\nprot = 8545\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":5: unknown key \"rpc.prot\" (did you mean \"rpc.port\"?)");
  }

  @Test
  void shouldSuggestTheRightTableWhenAKeyIsInTheWrongOne() throws Exception {
    Path file = write("[rpc]\nmax-peers = 5\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage(file + ":2: unknown key \"rpc.max-peers\" (did you mean \"p2p.max-peers\"?)");
  }

  @Test
  void shouldNameTheTableWhenATableIsUnknown() throws Exception {
    Path file = write("[rcp]\nport = 1\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage(file + ":1: unknown table [rcp] (did you mean [rpc]?)");
  }

  @Test
  void shouldRejectAnUnknownTopLevelKey() throws Exception {
    Path file = write("datadir = \"/x\"\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage(file + ":1: unknown key \"datadir\" (did you mean \"data-dir\"?)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[rpc]\\nport = 70000 | 2 | rpc.port must be between 1 and 65535, got 70000",
        "[rpc]\\nport = \"8545\" | 2 | rpc.port must be an integer, got a string \"8545\"",
        "[rpc]\\nport = 85.45 | 2 | rpc.port must be an integer, got a float 85.45",
        "[rpc]\\nenabled = \"yes\" | 2 | rpc.enabled must be true or false, got a string \"yes\"",
        "[rpc]\\nnamespaces = \"eth\" | 2 | rpc.namespaces must be an array, got a string \"eth\"",
        "[rpc]\\nnamespaces = [\"eth\", 5] | 2 | rpc.namespaces item 2 must be a string, got an"
            + " integer 5",
        "role = \"validator\" | 1 | role must be one of sequencer, prover, fullnode; got"
            + " \"validator\"",
        "rpc = 5 | 1 | rpc must be a table ([rpc]), got an integer 5",
        "\\n\\n[sequencer]\\nblock-gas-limit = 99999999999999999999 | 4 |"
            + " sequencer.block-gas-limit must be at least 5000, got 99999999999999999999",
        "[fullnode]\\nsequencer-address = \"0x1234\" | 2 | fullnode.sequencer-address is not a"
            + " valid address: hex string \"0x1234\" is 2 bytes, expected 20",
        "[dev]\\nmnemonic = \"test test test\" | 2 | dev.mnemonic must have 12, 15, 18, 21 or 24"
            + " words, got 3",
        "data-dir = \"\" | 1 | data-dir must not be empty",
      })
  void shouldNameFileLineAndKeyWhenAValueIsBad(String toml, int line, String message)
      throws Exception {
    Path file = write(toml.replace("\\n", "\n"));

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":" + line + ": " + message);
  }

  @Test
  void shouldSayTheFileIsMissingWhenItDoesNotExist() {
    Path missing = dir.resolve("x/y.toml");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + missing + " not found");
  }

  @Test
  void shouldSayTheFileIsADirectoryWhenItIsOne() {
    assertThatThrownBy(() -> ConfigLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + dir + " is a directory");
  }

  @Test
  void shouldGiveTheLineWhenTheTomlIsMalformed() throws Exception {
    Path file = write("role = \"sequencer\"\n[rpc]\nport = = 5\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":3: TOML syntax error at column ")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void shouldRejectAKeyWrittenTwice() throws Exception {
    Path file = write("[rpc]\nport = 1\nport = 2\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("TOML syntax error")
        .hasMessageContaining("Duplicate key");
  }

  @Test
  void shouldRejectAFileThatIsNotUtf8() throws Exception {
    Path file = dir.resolve("latin1.toml");
    Files.write(file, new byte[] {'r', 'o', 'l', 'e', '=', '"', (byte) 0xE9, '"'});

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage("config file " + file + " is not UTF-8 text");
  }

  @Test
  void shouldApplyCommandLineValuesOverTheFile() throws Exception {
    Path file = write("[rpc]\nport = 8546\nhost = \"0.0.0.0\"\n");

    NodeOptions options = ConfigLoader.read(file).override("rpc.port", "9999").build();

    assertThat(options.rpc().port()).isEqualTo(9999);
    assertThat(options.rpc().host()).isEqualTo("0.0.0.0");
  }

  @Test
  void shouldCheckRulesBetweenOptionsOnlyOnceOverridesAreIn() throws Exception {
    Path file = write("[sequencer]\nblock-interval-ms = 500\n\nmini-block-interval-ms = 800\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ":4: sequencer.mini-block-interval-ms (800) must not exceed"
                + " sequencer.block-interval-ms (500)");
    NodeOptions fixed =
        ConfigLoader.read(file).override("sequencer.block-interval-ms", "1000").build();
    assertThat(fixed.sequencer().miniBlockInterval()).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void shouldNameTheSourceWhenParsingTextInMemory() {
    assertThatThrownBy(() -> ConfigLoader.parse("[p2p]\nport = 0\n", "inline.toml"))
        .hasMessage("inline.toml:2: p2p.port must be between 1 and 65535, got 0");
  }
}
