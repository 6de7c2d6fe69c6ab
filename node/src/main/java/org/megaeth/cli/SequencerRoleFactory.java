package org.megaeth.cli;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.megaeth.config.ConfigException;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.spec.ChainSpec;
import org.megaeth.core.crypto.KeyFile;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.service.Service;
import org.megaeth.core.service.ServiceController;
import org.megaeth.sequencer.Sequencer;
import org.megaeth.sequencer.mempool.MempoolConfig;
import org.megaeth.sequencer.produce.ProducerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sequencer role's services: the sequencer itself, then what serves it to others. */
final class SequencerRoleFactory implements RoleFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SequencerRoleFactory.class);

  /** Where {@code --dev} keeps the key it generates, in the data directory. */
  static final String DEV_KEY_FILE = "sequencer.key";

  /** About every 100 s at the default block interval: bounds the log a restart replays. */
  static final int SNAPSHOT_EVERY_BLOCKS = 100;

  @Override
  public ServiceController create(NodeOptions options, ChainSpec chain, MeterRegistry meters)
      throws ConfigException {
    KeyPair key = key(options, chain);
    LOG.info(
        "sequencer address {}; mini-blocks every {} ms on {} execution thread(s), blocks every {}"
            + " ms",
        key.address(),
        options.sequencer().miniBlockInterval().toMillis(),
        options.sequencer().resolvedExecThreads(),
        options.sequencer().blockInterval().toMillis());
    var sequencerOptions = options.sequencer();
    ProducerSettings producer =
        new ProducerSettings(
            sequencerOptions.miniBlockInterval(),
            sequencerOptions.blockInterval(),
            sequencerOptions.blockGasLimit(),
            sequencerOptions.coinbase().orElse(key.address()),
            2_000);
    int cores = Runtime.getRuntime().availableProcessors();
    Sequencer sequencer =
        new Sequencer(
            new Sequencer.Settings(
                options.dataDir(),
                producer,
                MempoolConfig.defaults(sequencerOptions.blockGasLimit()),
                cores,
                cores,
                sequencerOptions.resolvedExecThreads(),
                SNAPSHOT_EVERY_BLOCKS),
            chain.genesis(),
            key,
            meters);
    List<Service> services = new ArrayList<>();
    services.add(sequencer);
    if (options.rpc().enabled()) {
      // Reads through the node-core interfaces; the sequencer implements them once started.
      services.add(new LazyRpcServer(options, sequencer, meters));
    }
    return new ServiceController(services);
  }

  private static KeyPair key(NodeOptions options, ChainSpec chain) throws ConfigException {
    try {
      if (options.sequencer().keyFile().isPresent()) {
        return KeyFile.load(options.sequencer().keyFile().get());
      }
      if (chain.dev().isPresent()) {
        Path file = options.dataDir().resolve(DEV_KEY_FILE);
        return KeyFile.loadOrGenerate(file, new SecureRandom());
      }
    } catch (KeyFile.KeyFileException e) {
      throw new ConfigException(e.getMessage());
    }
    throw new ConfigException(
        "the sequencer needs its signing key: set sequencer.key-file to a file holding it"
            + " (owner-only permissions), or run with --dev to generate one");
  }
}
