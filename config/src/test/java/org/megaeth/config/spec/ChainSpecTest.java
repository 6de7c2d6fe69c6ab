package org.megaeth.config.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.config.ConfigException;
import org.megaeth.config.NodeOptions;

class ChainSpecTest {
  @TempDir Path dir;

  private Path genesisFile() throws IOException {
    Path file = dir.resolve("genesis.json");
    try (InputStream in =
        getClass().getResourceAsStream("/org/megaeth/config/genesis/execution-apis-genesis.json")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void shouldUseTheDevPresetWhenDevModeIsOn() throws ConfigException {
    ChainSpec spec =
        ChainSpec.resolve(NodeOptions.builder().override("dev.enabled", "true").build());

    assertThat(spec.genesis().chainId()).isEqualTo(1337);
    assertThat(spec.dev()).isPresent();
    assertThat(spec.dev().get().accounts()).hasSize(10);
  }

  @Test
  void shouldLoadTheGenesisFileAndApplyTheChainIdOption() throws Exception {
    NodeOptions options =
        NodeOptions.builder()
            .override("genesis", genesisFile().toString())
            .override("chain-id", "12345")
            .build();

    ChainSpec spec = ChainSpec.resolve(options);

    assertThat(spec.genesis().chainId()).isEqualTo(12345);
    assertThat(spec.genesis().alloc()).hasSize(27);
    assertThat(spec.dev()).isEmpty();
  }

  @Test
  void shouldSayHowToFixItWhenNoGenesisIsConfigured() {
    assertThatThrownBy(() -> ChainSpec.resolve(NodeOptions.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "no genesis: set genesis to a geth-format genesis.json, or enable dev mode"
                + " (dev.enabled)");
  }

  @Test
  void shouldNameTheFileWhenTheGenesisFileIsMissing() throws ConfigException {
    Path missing = dir.resolve("missing.json");
    NodeOptions options = NodeOptions.builder().override("genesis", missing.toString()).build();

    assertThatThrownBy(() -> ChainSpec.resolve(options))
        .isInstanceOf(ConfigException.class)
        .hasMessage("genesis file " + missing + " not found");
  }
}
