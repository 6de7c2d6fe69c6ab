package org.megaeth.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.megaeth.core.fork.Fork;

/**
 * Every default of {@link NodeOptions}, in one place: the option builders start from these values,
 * and nothing else (TOML loader, CLI) has defaults of its own. Each value says where it comes from.
 */
public final class Defaults {
  private Defaults() {}

  /**
   * A bare {@code megaeth-node} (or {@code --dev}) is a single producing node, as anvil is; full
   * nodes and provers are always configured deliberately.
   */
  public static final Role ROLE = Role.SEQUENCER;

  /** Beside the user's home like geth's {@code ~/.ethereum}, never inside the working directory. */
  public static final Path DATA_DIR = Path.of(System.getProperty("user.home", "."), ".megaeth");

  public static final LogLevel LOG_LEVEL = LogLevel.INFO;

  // --- dev preset ---

  public static final boolean DEV_ENABLED = false;

  /** anvil and Hardhat both show ten accounts. */
  public static final int DEV_ACCOUNTS = 10;

  /** The mnemonic of anvil and Hardhat, so wallets and scripts see the accounts they expect. */
  public static final String DEV_MNEMONIC =
      "test test test test test test test test test test test junk";

  /** anvil's and Hardhat's balance per account. */
  public static final long DEV_BALANCE_ETH = 10_000;

  /**
   * The newest fork active at the dev genesis. Cancun is what every current tool supports; Prague
   * and Osaka are opt-in until the EVM's support for them is complete.
   */
  public static final Fork DEV_FORK = Fork.CANCUN;

  /** The chain id of geth's and Hardhat's dev networks, which wallets already know as local. */
  public static final long DEV_CHAIN_ID = 1337;

  // --- JSON-RPC ---

  public static final boolean RPC_ENABLED = true;

  /** Loopback only: exposing RPC to the network is a deliberate choice. */
  public static final String RPC_HOST = "127.0.0.1";

  public static final int RPC_PORT = 8545;

  /** WebSocket on the HTTP port (upgrade), as anvil and reth do, so dApps need one URL. */
  public static final boolean RPC_WS_ENABLED = true;

  /** No CORS headers: browsers may only call from pages the operator allows. */
  public static final List<String> RPC_CORS_ORIGINS = List.of();

  /** geth's {@code --http.vhosts} default (localhost), plus the loopback literals. */
  public static final List<String> RPC_HOST_ALLOWLIST = List.of("localhost", "127.0.0.1", "::1");

  /** geth's {@code BatchRequestLimit}. */
  public static final int RPC_MAX_BATCH_SIZE = 1000;

  /** geth's HTTP body limit (5 MiB). */
  public static final int RPC_MAX_REQUEST_BYTES = 5 * 1024 * 1024;

  /** geth's {@code RPCGasCap}: the gas an {@code eth_call}/{@code eth_estimateGas} may use. */
  public static final long RPC_GAS_CAP = 50_000_000L;

  /** geth's {@code RPCEVMTimeout}. */
  public static final Duration RPC_EVM_TIMEOUT = Duration.ofSeconds(5);

  /** EIP-7966's wait when the caller names none: room for a mini-block and a busy machine. */
  public static final Duration RPC_SYNC_TIMEOUT = Duration.ofSeconds(2);

  /** The cap on a caller's eth_sendRawTransactionSync timeout. */
  public static final Duration RPC_SYNC_MAX_TIMEOUT = Duration.ofSeconds(20);

  /** The largest response: geth's batch response cap. */
  public static final int RPC_MAX_RESPONSE_BYTES = 25 * 1024 * 1024;

  /** The widest eth_getLogs range and the most logs it returns (the big providers' order). */
  public static final long RPC_LOGS_MAX_BLOCK_RANGE = 10_000;

  public static final int RPC_LOGS_MAX_RESULTS = 10_000;

  /** geth's default: legacy transactions without a chain id are refused over RPC. */
  public static final boolean RPC_ALLOW_UNPROTECTED_TXS = false;

  /** debug, admin and txpool expose internals or cost a lot: off unless asked (DESIGN.md 7). */
  public static final Set<RpcNamespace> RPC_NAMESPACES =
      Set.of(RpcNamespace.ETH, RpcNamespace.NET, RpcNamespace.WEB3);

  // --- p2p ---

  public static final boolean P2P_ENABLED = true;

  /** All interfaces: peers are remote by definition. */
  public static final String P2P_HOST = "0.0.0.0";

  /** Ethereum's devp2p port, which firewall rules and tooling already know. */
  public static final int P2P_PORT = 30303;

  /** geth's light default; a sequencer serves a few full nodes, which relay to the rest. */
  public static final int P2P_MAX_PEERS = 25;

  // --- sequencer ---

  /** MegaETH's real-time target: a mini-block every 10 ms. */
  /**
   * Parallel execution threads of the sequencer: 0 is one per core from {@link
   * #PARALLEL_EXECUTION_FROM_CORES} cores, serial below ({@link SequencerOptions#execThreadsFor}).
   */
  public static final int EXEC_THREADS = 0;

  /**
   * Fewer cores than this run the sequencer's execution serially by default. Measured on 2 cores
   * only; 4 is a judgement: from there a core can be spared for the parallel worker next to ingress
   * and the I/O threads.
   */
  public static final int PARALLEL_EXECUTION_FROM_CORES = 4;

  public static final Duration MINI_BLOCK_INTERVAL = Duration.ofMillis(10);

  /** An EVM block every second, so tools that poll blocks see a normal chain. */
  public static final Duration BLOCK_INTERVAL = Duration.ofMillis(1000);

  /**
   * 10 billion gas per 1 s block: 1000 times mainnet's 30M per 12 s, the headroom the in-memory
   * parallel executor is built for.
   */
  public static final long BLOCK_GAS_LIMIT = 10_000_000_000L;

  // --- metrics ---

  public static final boolean METRICS_ENABLED = false;

  public static final String METRICS_HOST = "127.0.0.1";

  /** Besu's Prometheus port; clear of 8545/8546 and 30303. */
  public static final int METRICS_PORT = 9545;
}
