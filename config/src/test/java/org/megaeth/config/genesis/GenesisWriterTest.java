package org.megaeth.config.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.megaeth.config.ConfigException;

class GenesisWriterTest {
  @Test
  void shouldReadBackTheSameGenesisWhenTheExecutionApisGenesisIsWritten() throws ConfigException {
    Genesis original =
        GenesisLoader.parse(
            GenesisLoaderTest.resource(GenesisLoaderTest.EXECUTION_APIS), "genesis.json");

    String json = GenesisWriter.toJson(original);

    assertThat(GenesisLoader.parse(json, "written.json")).isEqualTo(original);
    assertThat(json)
        .contains("\"eip155Block\" : 6", "\"mergeNetsplitBlock\" : 36", "\"osakaTime\" : 480");
  }

  @Test
  void shouldKeepTheChainIdWhenItIsReplaced() throws ConfigException {
    Genesis original =
        GenesisLoader.parse(
            GenesisLoaderTest.resource(GenesisLoaderTest.EXECUTION_APIS), "genesis.json");

    Genesis changed = original.withChainId(42);

    assertThat(changed.chainId()).isEqualTo(42);
    assertThat(changed.forks()).isEqualTo(original.forks());
    assertThat(GenesisLoader.parse(GenesisWriter.toJson(changed), "w.json")).isEqualTo(changed);
  }
}
