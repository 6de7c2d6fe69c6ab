package org.megaeth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.megaeth.core.types.Address;

class ConfigWriterTest {
  @Test
  void shouldReadBackTheDefaultsWhenTheyAreWritten() throws ConfigException {
    String toml = ConfigWriter.toToml(NodeOptions.defaults());

    assertThat(ConfigLoader.parse(toml, "written.toml").build()).isEqualTo(NodeOptions.defaults());
    assertThat(toml).contains("[rpc]", "port = 8545", "# genesis = (not set)");
  }

  @Test
  void shouldReadBackEveryKindOfValueWhenWritten() throws ConfigException {
    NodeOptions.Builder builder = NodeOptions.builder();
    builder.role(Role.PROVER).genesisFile(Optional.of(Path.of("C:\\gen\\g.json")));
    builder.chainId(Optional.of(99L));
    builder.rpc().corsOrigins(List.of("*", "quote\"and\\backslash")).namespaces(List.of());
    builder.prover().sequencerAddress(Optional.of(Address.ofNumber(0x1234)));
    NodeOptions options = builder.build();

    NodeOptions back = ConfigLoader.parse(ConfigWriter.toToml(options), "written.toml").build();

    assertThat(back).isEqualTo(options);
  }

  @Property(tries = 200)
  void shouldRoundTripArbitraryValues(
      @ForAll @IntRange(min = 1, max = 65535) int rpcPort,
      @ForAll @IntRange(min = 0, max = 10_000) int maxPeers,
      @ForAll @Size(max = 4) List<@StringLength(min = 1, max = 20) String> origins,
      @ForAll @IntRange(min = 1, max = 1000) int miniBlockMs)
      throws ConfigException {
    List<String> cleaned = origins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    NodeOptions.Builder builder = NodeOptions.builder();
    builder.rpc().port(rpcPort).corsOrigins(cleaned);
    builder.p2p().maxPeers(maxPeers).port(rpcPort == 30303 ? 30304 : 30303);
    builder.sequencer().miniBlockInterval(Duration.ofMillis(miniBlockMs));
    NodeOptions options = builder.build();

    assertThat(ConfigLoader.parse(ConfigWriter.toToml(options), "p.toml").build())
        .isEqualTo(options);
  }
}
