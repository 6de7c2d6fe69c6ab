package org.megaeth.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an operator can configure, as immutable records. Values come from {@link Defaults},
 * then a TOML file ({@link ConfigLoader}), then the command line ({@link Builder#override} or the
 * typed setters), in that order; {@link Builder#build()} validates the result.
 *
 * <p>Every option has a dotted key ({@code rpc.port}) that is the same in the TOML file ({@code
 * [rpc] port = 8545}), in {@link Builder#override} and in {@link #documentation()}.
 *
 * @param role which kind of node to run
 * @param dataDir where the node keeps its database, snapshots and keys
 * @param genesisFile a geth-format genesis.json; empty in dev mode
 * @param chainId replaces the genesis file's chain id when present
 * @param logLevel the root log level
 */
public record NodeOptions(
    Role role,
    Path dataDir,
    Optional<Path> genesisFile,
    Optional<Long> chainId,
    LogLevel logLevel,
    DevOptions dev,
    RpcOptions rpc,
    P2pOptions p2p,
    SequencerOptions sequencer,
    ProverOptions prover,
    FullnodeOptions fullnode,
    MetricsOptions metrics) {
  public NodeOptions {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(genesisFile, "genesisFile");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(dev, "dev");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(p2p, "p2p");
    Objects.requireNonNull(sequencer, "sequencer");
    Objects.requireNonNull(prover, "prover");
    Objects.requireNonNull(fullnode, "fullnode");
    Objects.requireNonNull(metrics, "metrics");
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The options with nothing configured: every value from {@link Defaults}. */
  public static NodeOptions defaults() {
    return new Builder().buildUnchecked();
  }

  /** A builder holding these options, to override some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.role = role;
    b.dataDir = dataDir;
    b.genesisFile = genesisFile;
    b.chainId = chainId;
    b.logLevel = logLevel;
    b.dev = dev.toBuilder();
    b.rpc = rpc.toBuilder();
    b.p2p = p2p.toBuilder();
    b.sequencer = sequencer.toBuilder();
    b.prover = prover.toBuilder();
    b.fullnode = fullnode.toBuilder();
    b.metrics = metrics.toBuilder();
    return b;
  }

  /** The value of one option by its dotted key, formatted as in a config file or on the CLI. */
  public String valueOf(String key) throws ConfigException {
    return OptionKeys.require(key).format(this);
  }

  /** Every option: key, one-line description and default; for CLI help and generated docs. */
  public static List<OptionDoc> documentation() {
    NodeOptions defaults = defaults();
    List<OptionDoc> docs = new ArrayList<>();
    for (Option<?> option : OptionKeys.ALL) {
      docs.add(new OptionDoc(option.key(), option.description(), option.format(defaults)));
    }
    return List.copyOf(docs);
  }

  /**
   * Collects options: starts from {@link Defaults} (or from existing options via {@link
   * NodeOptions#toBuilder()}), takes typed values through the section builders ({@code
   * builder.rpc().port(8546)}) or strings keyed by dotted names ({@link #override}), and validates
   * everything in {@link #build()}.
   */
  public static final class Builder {
    private Role role = Defaults.ROLE;
    private Path dataDir = Defaults.DATA_DIR;
    private Optional<Path> genesisFile = Optional.empty();
    private Optional<Long> chainId = Optional.empty();
    private LogLevel logLevel = Defaults.LOG_LEVEL;
    private DevOptions.Builder dev = new DevOptions.Builder();
    private RpcOptions.Builder rpc = new RpcOptions.Builder();
    private P2pOptions.Builder p2p = new P2pOptions.Builder();
    private SequencerOptions.Builder sequencer = new SequencerOptions.Builder();
    private ProverOptions.Builder prover = new ProverOptions.Builder();
    private FullnodeOptions.Builder fullnode = new FullnodeOptions.Builder();
    private MetricsOptions.Builder metrics = new MetricsOptions.Builder();

    private Builder() {}

    public Builder role(Role value) {
      this.role = Objects.requireNonNull(value, "role");
      return this;
    }

    public Builder dataDir(Path value) {
      this.dataDir = Objects.requireNonNull(value, "dataDir");
      return this;
    }

    public Builder genesisFile(Optional<Path> value) {
      this.genesisFile = Objects.requireNonNull(value, "genesisFile");
      return this;
    }

    public Builder chainId(Optional<Long> value) {
      this.chainId = Objects.requireNonNull(value, "chainId");
      return this;
    }

    public Builder logLevel(LogLevel value) {
      this.logLevel = Objects.requireNonNull(value, "logLevel");
      return this;
    }

    /** The dev section's builder; changes to it apply to this builder. */
    public DevOptions.Builder dev() {
      return dev;
    }

    public RpcOptions.Builder rpc() {
      return rpc;
    }

    public P2pOptions.Builder p2p() {
      return p2p;
    }

    public SequencerOptions.Builder sequencer() {
      return sequencer;
    }

    public ProverOptions.Builder prover() {
      return prover;
    }

    public FullnodeOptions.Builder fullnode() {
      return fullnode;
    }

    public MetricsOptions.Builder metrics() {
      return metrics;
    }

    /**
     * Sets one option from its string form, as a CLI flag gives it: {@code override("rpc.port",
     * "8546")}. Lists are comma-separated ({@code "eth,net,debug"}); an empty string clears a list
     * or an optional value.
     *
     * @throws ConfigException for an unknown key (naming the closest known one) or a value that
     *     does not parse or is out of range, e.g. {@code rpc.port must be between 1 and 65535, got
     *     70000}
     */
    public Builder override(String key, String value) throws ConfigException {
      Option<?> option = OptionKeys.require(key);
      try {
        option.applyString(this, value);
      } catch (InvalidValueException e) {
        throw new ConfigException(key + " " + e.getMessage());
      }
      return this;
    }

    /** {@link #override} for each entry, in the map's iteration order. */
    public Builder overrides(Map<String, String> values) throws ConfigException {
      for (Map.Entry<String, String> entry : values.entrySet()) {
        override(entry.getKey(), entry.getValue());
      }
      return this;
    }

    /**
     * The options, after checking every value's range and the rules between options.
     *
     * @throws ConfigException naming the first bad option, e.g. {@code
     *     sequencer.mini-block-interval-ms (2000) must not exceed sequencer.block-interval-ms
     *     (1000)}
     */
    public NodeOptions build() throws ConfigException {
      NodeOptions options = buildUnchecked();
      List<Problem> problems = OptionKeys.validate(options);
      if (!problems.isEmpty()) {
        throw new ConfigException(problems.getFirst().message());
      }
      return options;
    }

    NodeOptions buildUnchecked() {
      return new NodeOptions(
          role,
          dataDir,
          genesisFile,
          chainId,
          logLevel,
          dev.build(),
          rpc.build(),
          p2p.build(),
          sequencer.build(),
          prover.build(),
          fullnode.build(),
          metrics.build());
    }
  }

  /** A validation failure of one option: its key (to find its line in a file) and the message. */
  record Problem(String key, String message) {}
}
