package org.megaeth.config;

import static org.megaeth.config.ValueType.address;
import static org.megaeth.config.ValueType.bool;
import static org.megaeth.config.ValueType.enumSet;
import static org.megaeth.config.ValueType.enumeration;
import static org.megaeth.config.ValueType.integer;
import static org.megaeth.config.ValueType.list;
import static org.megaeth.config.ValueType.longInteger;
import static org.megaeth.config.ValueType.millis;
import static org.megaeth.config.ValueType.optional;
import static org.megaeth.config.ValueType.path;
import static org.megaeth.config.ValueType.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.megaeth.config.NodeOptions.Problem;
import org.megaeth.config.hd.Bip39;
import org.megaeth.core.fork.Fork;

/**
 * The table of every option: dotted key, description, type and accessors. The order here is the
 * order of the docs and of a written config file.
 */
final class OptionKeys {
  private static final int MAX_PORT = 65535;

  /**
   * {@code enode://<64-byte node id in hex>@<host>:<port>}, with an optional {@code ?discport=}; an
   * IPv6 host is in brackets.
   */
  private static final Pattern ENODE =
      Pattern.compile(
          "enode://[0-9a-fA-F]{128}@(\\[[0-9a-fA-F:.]+]|[^\\s:@/\\[\\]]+):([0-9]{1,5})"
              + "(\\?discport=[0-9]{1,5})?");

  static final List<Option<?>> ALL =
      List.of(
          option(
              "role",
              "which node to run: sequencer, prover or fullnode",
              enumeration(Role.class),
              NodeOptions::role,
              NodeOptions.Builder::role),
          option(
              "data-dir",
              "directory for the database, snapshots and keys",
              path(),
              NodeOptions::dataDir,
              NodeOptions.Builder::dataDir),
          option(
              "genesis",
              "geth-format genesis.json of the chain (not with dev mode)",
              optional(path()),
              NodeOptions::genesisFile,
              NodeOptions.Builder::genesisFile),
          option(
              "chain-id",
              "replaces the chain id of the genesis (or of the dev chain)",
              optional(longInteger(1, Long.MAX_VALUE)),
              NodeOptions::chainId,
              NodeOptions.Builder::chainId),
          option(
              "log-level",
              "root log level: error, warn, info, debug or trace",
              enumeration(LogLevel.class),
              NodeOptions::logLevel,
              NodeOptions.Builder::logLevel),
          option(
              "dev.enabled",
              "run a throw-away dev chain with funded accounts, as anvil does",
              bool(),
              o -> o.dev().enabled(),
              (b, v) -> b.dev().enabled(v)),
          option(
              "dev.accounts",
              "how many dev accounts to derive and fund",
              integer(0, 10_000),
              o -> o.dev().accounts(),
              (b, v) -> b.dev().accounts(v)),
          option(
              "dev.mnemonic",
              "BIP-39 mnemonic the dev accounts are derived from (m/44'/60'/0'/0/i)",
              text().where(Bip39::findProblem),
              o -> o.dev().mnemonic(),
              (b, v) -> b.dev().mnemonic(v)),
          option(
              "dev.balance",
              "genesis balance of each dev account, in ether",
              longInteger(0, 1_000_000_000_000L),
              o -> o.dev().balanceEth(),
              (b, v) -> b.dev().balanceEth(v)),
          option(
              "dev.fork",
              "newest fork active at the dev genesis: paris, shanghai, cancun, prague or osaka",
              enumeration(Fork.class)
                  .where(
                      f ->
                          f.isAtLeast(Fork.PARIS)
                              ? Optional.empty()
                              : Optional.of("must be paris or later, got " + forkName(f))),
              o -> o.dev().fork(),
              (b, v) -> b.dev().fork(v)),
          option(
              "rpc.enabled",
              "serve JSON-RPC",
              bool(),
              o -> o.rpc().enabled(),
              (b, v) -> b.rpc().enabled(v)),
          option(
              "rpc.host",
              "interface JSON-RPC listens on",
              text(),
              o -> o.rpc().host(),
              (b, v) -> b.rpc().host(v)),
          option(
              "rpc.port",
              "TCP port of JSON-RPC over HTTP (and WebSocket)",
              integer(1, MAX_PORT),
              o -> o.rpc().port(),
              (b, v) -> b.rpc().port(v)),
          option(
              "rpc.ws-enabled",
              "accept WebSocket connections (subscriptions) on the JSON-RPC port",
              bool(),
              o -> o.rpc().wsEnabled(),
              (b, v) -> b.rpc().wsEnabled(v)),
          option(
              "rpc.cors-origins",
              "origins browsers may call JSON-RPC from; \"*\" for any",
              list(text()),
              o -> o.rpc().corsOrigins(),
              (b, v) -> b.rpc().corsOrigins(v)),
          option(
              "rpc.host-allowlist",
              "values the HTTP Host header may take; \"*\" for any",
              list(text()),
              o -> o.rpc().hostAllowlist(),
              (b, v) -> b.rpc().hostAllowlist(v)),
          option(
              "rpc.max-batch-size",
              "most calls in one JSON-RPC batch",
              integer(1, 100_000),
              o -> o.rpc().maxBatchSize(),
              (b, v) -> b.rpc().maxBatchSize(v)),
          option(
              "rpc.max-request-bytes",
              "largest JSON-RPC request body, in bytes",
              integer(1024, Integer.MAX_VALUE),
              o -> o.rpc().maxRequestBytes(),
              (b, v) -> b.rpc().maxRequestBytes(v)),
          option(
              "rpc.gas-cap",
              "most gas one eth_call or eth_estimateGas may use",
              longInteger(21_000, Long.MAX_VALUE),
              o -> o.rpc().gasCap(),
              (b, v) -> b.rpc().gasCap(v)),
          option(
              "rpc.allow-unprotected-txs",
              "accept legacy transactions without EIP-155 replay protection (a chain id)",
              bool(),
              o -> o.rpc().allowUnprotectedTxs(),
              (b, v) -> b.rpc().allowUnprotectedTxs(v)),
          option(
              "rpc.sync-timeout-ms",
              "how long eth_sendRawTransactionSync waits when the caller names no timeout, in ms",
              millis(1, 600_000),
              o -> o.rpc().syncTimeout(),
              (b, v) -> b.rpc().syncTimeout(v)),
          option(
              "rpc.sync-max-timeout-ms",
              "the most a caller may ask eth_sendRawTransactionSync to wait, in milliseconds",
              millis(1, 600_000),
              o -> o.rpc().syncMaxTimeout(),
              (b, v) -> b.rpc().syncMaxTimeout(v)),
          option(
              "rpc.max-response-bytes",
              "largest response (one call or a whole batch), in bytes",
              integer(1_024, Integer.MAX_VALUE),
              o -> o.rpc().maxResponseBytes(),
              (b, v) -> b.rpc().maxResponseBytes(v)),
          option(
              "rpc.logs-max-block-range",
              "widest block range one eth_getLogs may scan",
              longInteger(1, Long.MAX_VALUE),
              o -> o.rpc().logsMaxBlockRange(),
              (b, v) -> b.rpc().logsMaxBlockRange(v)),
          option(
              "rpc.logs-max-results",
              "most logs one eth_getLogs returns",
              integer(1, Integer.MAX_VALUE),
              o -> o.rpc().logsMaxResults(),
              (b, v) -> b.rpc().logsMaxResults(v)),
          option(
              "rpc.evm-timeout-ms",
              "longest one eth_call or eth_estimateGas may run, in milliseconds",
              millis(1, 600_000),
              o -> o.rpc().evmTimeout(),
              (b, v) -> b.rpc().evmTimeout(v)),
          option(
              "rpc.namespaces",
              "JSON-RPC namespaces served: eth, net, web3, txpool, debug, admin",
              enumSet(RpcNamespace.class, RpcOptions::enumSet),
              o -> o.rpc().namespaces(),
              (b, v) -> b.rpc().namespaces(v)),
          option(
              "p2p.enabled",
              "listen for and dial peers",
              bool(),
              o -> o.p2p().enabled(),
              (b, v) -> b.p2p().enabled(v)),
          option(
              "p2p.host",
              "interface p2p listens on",
              text(),
              o -> o.p2p().host(),
              (b, v) -> b.p2p().host(v)),
          option(
              "p2p.port",
              "TCP port p2p listens on",
              integer(1, MAX_PORT),
              o -> o.p2p().port(),
              (b, v) -> b.p2p().port(v)),
          option(
              "p2p.bootnodes",
              "enode://<node id>@<host>:<port> URLs dialled at start",
              list(text().where(OptionKeys::enodeProblem)),
              o -> o.p2p().bootnodes(),
              (b, v) -> b.p2p().bootnodes(v)),
          option(
              "p2p.max-peers",
              "most peers connected at once",
              integer(0, 10_000),
              o -> o.p2p().maxPeers(),
              (b, v) -> b.p2p().maxPeers(v)),
          option(
              "p2p.node-key-file",
              "file holding the node's p2p identity key",
              optional(path()),
              o -> o.p2p().nodeKeyFile(),
              (b, v) -> b.p2p().nodeKeyFile(v)),
          option(
              "sequencer.mini-block-interval-ms",
              "how often the sequencer emits a mini-block, in milliseconds",
              millis(1, 60_000),
              o -> o.sequencer().miniBlockInterval(),
              (b, v) -> b.sequencer().miniBlockInterval(v)),
          option(
              "sequencer.block-interval-ms",
              "how often mini-blocks are sealed into an EVM block, in milliseconds",
              millis(1, 3_600_000),
              o -> o.sequencer().blockInterval(),
              (b, v) -> b.sequencer().blockInterval(v)),
          option(
              "sequencer.block-gas-limit",
              "gas limit of every EVM block",
              // 5000 is geth's MinGasLimit: below it no block can hold a transaction.
              longInteger(5000, Long.MAX_VALUE),
              o -> o.sequencer().blockGasLimit(),
              (b, v) -> b.sequencer().blockGasLimit(v)),
          option(
              "sequencer.key-file",
              "file holding the key that signs mini-blocks and blocks",
              optional(path()),
              o -> o.sequencer().keyFile(),
              (b, v) -> b.sequencer().keyFile(v)),
          option(
              "sequencer.coinbase",
              "fee recipient of produced blocks (default: the sequencer key's address)",
              optional(address()),
              o -> o.sequencer().coinbase(),
              (b, v) -> b.sequencer().coinbase(v)),
          option(
              "sequencer.exec-threads",
              "threads executing each mini-block in parallel (1: serially; 0: one per core from 4 cores,"
                  + " serially below)",
              integer(0, 1_024),
              o -> o.sequencer().execThreads(),
              (b, v) -> b.sequencer().execThreads(v)),
          option(
              "prover.sequencer-address",
              "the sequencer whose blocks the prover attests",
              optional(address()),
              o -> o.prover().sequencerAddress(),
              (b, v) -> b.prover().sequencerAddress(v)),
          option(
              "prover.key-file",
              "file holding the key that signs attestations",
              optional(path()),
              o -> o.prover().keyFile(),
              (b, v) -> b.prover().keyFile(v)),
          option(
              "fullnode.sequencer-address",
              "the sequencer whose blocks and state diffs the full node applies",
              optional(address()),
              o -> o.fullnode().sequencerAddress(),
              (b, v) -> b.fullnode().sequencerAddress(v)),
          option(
              "metrics.enabled",
              "serve Prometheus metrics",
              bool(),
              o -> o.metrics().enabled(),
              (b, v) -> b.metrics().enabled(v)),
          option(
              "metrics.host",
              "interface the metrics endpoint listens on",
              text(),
              o -> o.metrics().host(),
              (b, v) -> b.metrics().host(v)),
          option(
              "metrics.port",
              "TCP port of the metrics endpoint",
              integer(1, MAX_PORT),
              o -> o.metrics().port(),
              (b, v) -> b.metrics().port(v)));

  private static final Map<String, Option<?>> BY_KEY = byKey();

  /** The TOML tables that hold options ({@code rpc}, {@code p2p}, ...), in order. */
  static final Set<String> TABLES = tables();

  private OptionKeys() {}

  static Optional<Option<?>> find(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The option, or a {@link ConfigException} naming the closest known key. */
  static Option<?> require(String key) throws ConfigException {
    Option<?> option = BY_KEY.get(key);
    if (option == null) {
      throw new ConfigException(unknownKeyMessage(key));
    }
    return option;
  }

  /** {@code unknown key "rpc.prot" (did you mean "rpc.port"?)}. */
  static String unknownKeyMessage(String key) {
    return "unknown key \""
        + key
        + "\""
        + suggest(key).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
  }

  /** {@code unknown table [rpcc] (did you mean [rpc]?)}. */
  static String unknownTableMessage(String table) {
    return "unknown table ["
        + table
        + "]"
        + suggest(table)
            .filter(TABLES::contains)
            .map(s -> " (did you mean [" + s + "]?)")
            .orElse("");
  }

  /**
   * The known key or table closest to a mistyped one: a small edit distance, or the same name in
   * another table ({@code rpc.max-peers} for {@code p2p.max-peers}).
   */
  static Optional<String> suggest(String key) {
    List<String> candidates = new ArrayList<>(BY_KEY.keySet());
    candidates.addAll(TABLES);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String name = key.substring(key.lastIndexOf('.') + 1);
    for (String candidate : candidates) {
      int distance = editDistance(key, candidate);
      String candidateName = candidate.substring(candidate.lastIndexOf('.') + 1);
      if (candidateName.equals(name) && !candidate.equals(key)) {
        distance = Math.min(distance, 1);
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    int allowed = Math.max(2, key.length() / 4);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Every option's range rule, then the rules between options. Empty when all is well. */
  static List<Problem> validate(NodeOptions options) {
    List<Problem> problems = new ArrayList<>();
    for (Option<?> option : ALL) {
      option.problem(options).ifPresent(m -> problems.add(new Problem(option.key(), m)));
    }
    SequencerOptions seq = options.sequencer();
    if (seq.miniBlockInterval().compareTo(seq.blockInterval()) > 0) {
      problems.add(
          new Problem(
              "sequencer.mini-block-interval-ms",
              "sequencer.mini-block-interval-ms ("
                  + seq.miniBlockInterval().toMillis()
                  + ") must not exceed sequencer.block-interval-ms ("
                  + seq.blockInterval().toMillis()
                  + ")"));
    }
    RpcOptions rpc = options.rpc();
    if (rpc.syncTimeout().compareTo(rpc.syncMaxTimeout()) > 0) {
      problems.add(
          new Problem(
              "rpc.sync-timeout-ms",
              "rpc.sync-timeout-ms ("
                  + rpc.syncTimeout().toMillis()
                  + ") must not exceed rpc.sync-max-timeout-ms ("
                  + rpc.syncMaxTimeout().toMillis()
                  + ")"));
    }
    if (options.dev().enabled() && options.genesisFile().isPresent()) {
      problems.add(
          new Problem(
              "genesis",
              "genesis cannot be combined with dev.enabled: dev mode builds its own genesis"));
    }
    checkPorts(options, problems);
    return problems;
  }

  /** Two enabled listeners on one port and overlapping interfaces would fail at bind time. */
  private static void checkPorts(NodeOptions options, List<Problem> problems) {
    record Listener(String name, boolean enabled, String host, int port) {}
    List<Listener> listeners =
        List.of(
            new Listener(
                "rpc.port", options.rpc().enabled(), options.rpc().host(), options.rpc().port()),
            new Listener(
                "p2p.port", options.p2p().enabled(), options.p2p().host(), options.p2p().port()),
            new Listener(
                "metrics.port",
                options.metrics().enabled(),
                options.metrics().host(),
                options.metrics().port()));
    for (int i = 0; i < listeners.size(); i++) {
      for (int j = 0; j < i; j++) {
        Listener a = listeners.get(j);
        Listener b = listeners.get(i);
        boolean overlap = a.host().equals(b.host()) || isWildcard(a.host()) || isWildcard(b.host());
        if (a.enabled() && b.enabled() && a.port() == b.port() && overlap) {
          problems.add(
              new Problem(
                  b.name(), b.name() + " (" + b.port() + ") is already used by " + a.name()));
        }
      }
    }
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static Optional<String> enodeProblem(String url) {
    Matcher m = ENODE.matcher(url);
    if (!m.matches()) {
      return Optional.of(
          "must be enode://<128 hex digit node id>@<host>:<port>, got " + ValueType.quote(url));
    }
    int port = Integer.parseInt(m.group(2));
    if (port < 1 || port > MAX_PORT) {
      return Optional.of("has port " + port + ", which is not between 1 and 65535");
    }
    return Optional.empty();
  }

  private static String forkName(Fork fork) {
    return enumeration(Fork.class).format(fork);
  }

  private static <T> Option<T> option(
      String key,
      String description,
      ValueType<T> type,
      Function<NodeOptions, T> getter,
      BiConsumer<NodeOptions.Builder, T> setter) {
    return new Option<>(key, description, type, getter, setter);
  }

  private static Map<String, Option<?>> byKey() {
    Map<String, Option<?>> map = new LinkedHashMap<>();
    for (Option<?> option : ALL) {
      if (map.put(option.key(), option) != null) {
        throw new IllegalStateException("option " + option.key() + " is defined twice");
      }
    }
    return map;
  }

  private static Set<String> tables() {
    Set<String> tables = new LinkedHashSet<>();
    for (Option<?> option : ALL) {
      if (!option.table().isEmpty()) {
        tables.add(option.table());
      }
    }
    return Collections.unmodifiableSet(tables);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
