package org.megaeth.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.megaeth.cli.metrics.NodeMetrics;
import org.megaeth.config.ConfigException;
import org.megaeth.config.ConfigLoader;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.spec.ChainSpec;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code megaeth-node} command line: reads options (defaults, then the TOML file, then flags),
 * resolves the chain (genesis file or the {@code --dev} preset) and runs the chosen role until
 * SIGINT or SIGTERM. Subcommands: {@code statetest}, {@code blocktest}, {@code import}, {@code evm
 * run} and {@code bench} (the load generator).
 *
 * <p>Exit status: 0 after a clean run, 1 for a bad file or a runtime failure, 2 for a bad flag.
 */
@Command(
    name = "megaeth-node",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {
      StateTestCommand.class,
      BlockTestCommand.class,
      EvmCommand.class,
      ImportCommand.class,
      BenchCommand.class
    },
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "A real-time, EVM-equivalent Ethereum layer-2 node.",
    footer = {
      "",
      "Roles:",
      "  sequencer  produces blocks: mempool, parallel EVM, mini-blocks every ~10 ms",
      "  prover     re-executes blocks from their witnesses and signs attestations",
      "  fullnode   applies the sequencer's state diffs and serves JSON-RPC",
      "",
      "Any config-file key can be set with --set KEY=VALUE, e.g. --set rpc.port=8546.",
      "Prometheus metrics: --metrics, then GET http://127.0.0.1:9545/metrics",
      "  (--set metrics.host=... / metrics.port=... to move it; see docs/metrics.md).",
      "Flags win over the config file, and the file over the defaults.",
    })
public final class MegaethNode implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  // Flags are null (or false) when not given, so that only what the user typed overrides the file.
  @Option(
      names = "--role",
      paramLabel = "ROLE",
      converter = RoleConverter.class,
      description = "sequencer, prover or fullnode (default: sequencer)")
  private org.megaeth.config.Role role;

  @Option(names = "--config", paramLabel = "FILE", description = "TOML config file")
  private Path configFile;

  @Option(
      names = "--dev",
      description = "local dev chain: chain id 1337, funded test accounts, printed at start")
  private boolean dev;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "where the node keeps its data (default: ~/.megaeth)")
  private Path dataDir;

  @Option(
      names = "--genesis",
      paramLabel = "FILE",
      description = "geth-format genesis.json of the chain to run (not with --dev)")
  private Path genesisFile;

  @Option(
      names = "--dev-accounts",
      paramLabel = "N",
      description = "with --dev: how many test accounts to fund (default: 10)")
  private String devAccounts;

  @Option(
      names = "--dev-mnemonic",
      paramLabel = "WORDS",
      description = "with --dev: BIP-39 mnemonic of the test accounts (default: test ... junk)")
  private String devMnemonic;

  @Option(
      names = "--mini-block-interval",
      paramLabel = "DURATION",
      description = "how often a mini-block goes out, e.g. 10ms (default: 10ms)")
  private String miniBlockInterval;

  @Option(
      names = "--block-interval",
      paramLabel = "DURATION",
      description = "how often mini-blocks are sealed into an EVM block, e.g. 1s (default: 1s)")
  private String blockInterval;

  @Option(
      names = "--block-gas-limit",
      paramLabel = "GAS",
      description = "gas limit of every EVM block (default: 10000000000)")
  private String blockGasLimit;

  @Option(
      names = "--exec-threads",
      paramLabel = "N",
      description = "threads executing each mini-block; 1 is serial (default: one per core)")
  private String execThreads;

  @Option(
      names = "--metrics",
      description = "serve Prometheus metrics on metrics.host:metrics.port (default: off)")
  private boolean metrics;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "error, warn, info, debug or trace (default: info)")
  private String logLevel;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "set any config key, as in the TOML file (repeatable)")
  private Map<String, String> settings = new LinkedHashMap<>();

  private final PrintWriter out;
  private final PrintWriter err;

  MegaethNode(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Parses and runs; returns the exit status instead of exiting, so tests can call it. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    MegaethNode node = new MegaethNode(out, err);
    CommandLine cli = new CommandLine(node);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // A user mistake gets one line, not a usage dump or a stack trace.
    cli.setParameterExceptionHandler(
        (e, ignored) -> {
          err.println("megaeth-node: " + oneLine(e.getMessage()) + " (see --help)");
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, ignored, parseResult) -> {
          err.println("megaeth-node: internal error: " + oneLine(String.valueOf(e.getMessage())));
          e.printStackTrace(err); // a bug, not a user mistake: the trace is what we need to fix it
          return EXIT_FAILURE;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    NodeOptions options;
    ChainSpec chain;
    try {
      options = options();
      chain = ChainSpec.resolve(options);
    } catch (ConfigException e) {
      err.println("megaeth-node: " + oneLine(e.getMessage()));
      return EXIT_FAILURE;
    }
    setLogLevel(options);
    Optional<RoleFactory> factory = Roles.factoryFor(options.role());
    if (factory.isEmpty()) {
      err.println(
          "megaeth-node: the "
              + options.role().name().toLowerCase(Locale.ROOT)
              + " role is not built yet in this version; see the README's status table");
      return EXIT_FAILURE;
    }
    chain.dev().ifPresent(preset -> out.print(preset.banner()));
    out.flush();
    try {
      NodeMetrics nodeMetrics = NodeMetrics.of(options.metrics());
      boolean clean =
          new NodeLauncher(
                  nodeMetrics.around(factory.get().create(options, chain, nodeMetrics.registry())))
              .runUntilShutdown();
      return clean ? EXIT_OK : EXIT_FAILURE;
    } catch (ConfigException e) {
      err.println("megaeth-node: " + oneLine(e.getMessage()));
      return EXIT_FAILURE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EXIT_FAILURE;
    } catch (Exception e) {
      err.println("megaeth-node: failed to start: " + oneLine(String.valueOf(e.getMessage())));
      return EXIT_FAILURE;
    }
  }

  /** Defaults, then the config file, then the flags the user gave. */
  NodeOptions options() throws ConfigException {
    NodeOptions.Builder builder =
        configFile != null ? ConfigLoader.read(configFile) : NodeOptions.builder();
    Map<String, String> flags = new LinkedHashMap<>(settings);
    if (role != null) {
      flags.put("role", role.name().toLowerCase(Locale.ROOT));
    }
    if (dev) {
      flags.put("dev.enabled", "true");
    }
    if (metrics) {
      flags.put("metrics.enabled", "true");
    }
    putIfGiven(flags, "data-dir", dataDir == null ? null : dataDir.toString());
    putIfGiven(flags, "genesis", genesisFile == null ? null : genesisFile.toString());
    putIfGiven(flags, "dev.accounts", devAccounts);
    putIfGiven(flags, "dev.mnemonic", devMnemonic);
    putIfGiven(flags, "log-level", logLevel);
    putIfGiven(
        flags,
        "sequencer.mini-block-interval-ms",
        durationMillis("--mini-block-interval", miniBlockInterval));
    putIfGiven(
        flags, "sequencer.block-interval-ms", durationMillis("--block-interval", blockInterval));
    putIfGiven(flags, "sequencer.block-gas-limit", blockGasLimit);
    putIfGiven(flags, "sequencer.exec-threads", execThreads);
    return builder.overrides(flags).build();
  }

  /**
   * A duration flag as whole milliseconds, for the {@code -ms} config keys: {@code 10ms}, {@code
   * 1s}, {@code 1.5s}, or a bare number of milliseconds.
   */
  static String durationMillis(String flag, String value) throws ConfigException {
    if (value == null) {
      return null;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?")
            .matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ConfigException(
          flag + ": expected a duration such as 10ms or 1s, got \"" + value + "\"");
    }
    java.math.BigDecimal amount = new java.math.BigDecimal(m.group(1));
    java.math.BigDecimal millis = "s".equals(m.group(2)) ? amount.movePointRight(3) : amount;
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new ConfigException(flag + ": " + value + " is not a whole number of milliseconds");
    }
    return millis.toBigInteger().toString();
  }

  private static void putIfGiven(Map<String, String> flags, String key, String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }

  private static void setLogLevel(NodeOptions options) {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.toLevel(options.logLevel().name(), Level.INFO));
    }
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
