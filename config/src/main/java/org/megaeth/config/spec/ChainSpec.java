package org.megaeth.config.spec;

import java.util.Objects;
import java.util.Optional;
import org.megaeth.config.ConfigException;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisLoader;

/**
 * The chain a node runs, as its options choose it: the dev preset, or a genesis file, with the
 * {@code chain-id} option applied. The composition root calls {@link #resolve} once.
 *
 * @param genesis the genesis (its {@code config} is the chain's {@code ChainConfig})
 * @param dev the dev preset, in dev mode: its accounts for the banner and for RPC signing
 */
public record ChainSpec(Genesis genesis, Optional<DevPreset> dev) {
  public ChainSpec {
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(dev, "dev");
  }

  /**
   * @throws ConfigException when neither dev mode nor a genesis file is configured, or the genesis
   *     file or dev mnemonic is bad
   */
  public static ChainSpec resolve(NodeOptions options) throws ConfigException {
    if (options.dev().enabled()) {
      DevPreset preset = DevPreset.of(options);
      return new ChainSpec(preset.genesis(), Optional.of(preset));
    }
    if (options.genesisFile().isEmpty()) {
      throw new ConfigException(
          "no genesis: set genesis to a geth-format genesis.json, or enable dev mode (dev.enabled)");
    }
    Genesis genesis = GenesisLoader.load(options.genesisFile().get());
    if (options.chainId().isPresent()) {
      genesis = genesis.withChainId(options.chainId().get());
    }
    return new ChainSpec(genesis, Optional.empty());
  }
}
