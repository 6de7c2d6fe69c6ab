package org.megaeth.rpc.server;

import java.time.Duration;
import java.util.Objects;
import org.megaeth.config.RpcOptions;

/**
 * Everything the server needs: the operator's {@link RpcOptions} (whose limits seed the ones below
 * that config exposes: response size, sync timeouts, log caps) plus the internal limits, each with
 * a default chosen after geth's or the big providers'.
 *
 * @param options host, port, WebSocket switch, CORS and host allow-lists, batch and request size,
 *     gas cap and EVM timeout, enabled namespaces
 * @param maxResponseBytes the largest response (single or batch) sent; geth's batch response cap
 * @param ioThreads Netty worker threads
 * @param evmThreads threads of the bounded executor that runs eth_call, estimateGas, access lists
 * @param evmQueue calls that may wait for an EVM thread before new ones are refused
 * @param syncDefaultTimeout EIP-7966: how long {@code eth_sendRawTransactionSync} waits when the
 *     caller names no timeout
 * @param syncMaxTimeout the cap on a caller's timeout
 * @param logsMaxBlockRange the widest {@code eth_getLogs} block range
 * @param logsMaxResults the most logs one {@code eth_getLogs} returns
 * @param filterTimeout how long a filter lives without being polled (geth: 5 minutes)
 * @param filterMaxPending the most changes a filter holds between polls; beyond it, the oldest go
 * @param wsMaxPendingMessages the outbound queue of one WebSocket; a client that lets it fill is
 *     disconnected
 * @param wsPingInterval how often an idle WebSocket is pinged; one that stays silent for twice this
 *     is closed
 * @param maxSubscriptionsPerConnection subscriptions one WebSocket may hold
 * @param maxInFlightPerConnection requests one WebSocket may have running before reading pauses
 * @param clientVersion what {@code web3_clientVersion} answers
 */
public record RpcServerConfig(
    RpcOptions options,
    int maxResponseBytes,
    int ioThreads,
    int evmThreads,
    int evmQueue,
    Duration syncDefaultTimeout,
    Duration syncMaxTimeout,
    long logsMaxBlockRange,
    int logsMaxResults,
    Duration filterTimeout,
    int filterMaxPending,
    int wsMaxPendingMessages,
    Duration wsPingInterval,
    int maxSubscriptionsPerConnection,
    int maxInFlightPerConnection,
    String clientVersion) {

  public RpcServerConfig {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(syncDefaultTimeout, "syncDefaultTimeout");
    Objects.requireNonNull(syncMaxTimeout, "syncMaxTimeout");
    Objects.requireNonNull(filterTimeout, "filterTimeout");
    Objects.requireNonNull(wsPingInterval, "wsPingInterval");
    Objects.requireNonNull(clientVersion, "clientVersion");
    positive("maxResponseBytes", maxResponseBytes);
    positive("ioThreads", ioThreads);
    positive("evmThreads", evmThreads);
    positive("evmQueue", evmQueue);
    positive("logsMaxBlockRange", logsMaxBlockRange);
    positive("logsMaxResults", logsMaxResults);
    positive("filterMaxPending", filterMaxPending);
    positive("wsMaxPendingMessages", wsMaxPendingMessages);
    positive("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection);
    positive("maxInFlightPerConnection", maxInFlightPerConnection);
    if (syncDefaultTimeout.compareTo(syncMaxTimeout) > 0) {
      throw new IllegalArgumentException("syncDefaultTimeout is above syncMaxTimeout");
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** The defaults around {@code options}. */
  public static RpcServerConfig of(RpcOptions options) {
    return builder(options).build();
  }

  public static Builder builder(RpcOptions options) {
    return new Builder(options);
  }

  /** {@code megaeth-node/v<version>/<os>-<arch>/java<feature>}, shaped like geth's answer. */
  public static String defaultClientVersion() {
    String version = RpcServerConfig.class.getPackage().getImplementationVersion();
    String os = System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "unknown");
    return "megaeth-node/v%s/%s-%s/java%d"
        .formatted(
            version == null ? "0.1.0-dev" : version,
            os.replace(' ', '_'),
            arch.equals("x86_64") ? "amd64" : arch,
            Runtime.version().feature());
  }

  /** Starts from the defaults; each setter replaces one value. */
  public static final class Builder {
    private final RpcOptions options;
    private int maxResponseBytes;
    private int ioThreads = 2;
    private int evmThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int evmQueue = 256;
    private Duration syncDefaultTimeout;
    private Duration syncMaxTimeout;
    private long logsMaxBlockRange;
    private int logsMaxResults;
    private Duration filterTimeout = Duration.ofMinutes(5);
    private int filterMaxPending = 10_000;
    private int wsMaxPendingMessages = 8_192;
    private Duration wsPingInterval = Duration.ofSeconds(30);
    private int maxSubscriptionsPerConnection = 1_000;
    private int maxInFlightPerConnection = 1_024;
    private String clientVersion = defaultClientVersion();

    private Builder(RpcOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      // What the operator configures; the builder's setters override it (tests).
      this.maxResponseBytes = options.maxResponseBytes();
      this.syncDefaultTimeout = options.syncTimeout();
      this.syncMaxTimeout = options.syncMaxTimeout();
      this.logsMaxBlockRange = options.logsMaxBlockRange();
      this.logsMaxResults = options.logsMaxResults();
    }

    public Builder maxResponseBytes(int value) {
      maxResponseBytes = value;
      return this;
    }

    public Builder ioThreads(int value) {
      ioThreads = value;
      return this;
    }

    public Builder evmThreads(int value) {
      evmThreads = value;
      return this;
    }

    public Builder evmQueue(int value) {
      evmQueue = value;
      return this;
    }

    public Builder syncDefaultTimeout(Duration value) {
      syncDefaultTimeout = value;
      return this;
    }

    public Builder syncMaxTimeout(Duration value) {
      syncMaxTimeout = value;
      return this;
    }

    public Builder logsMaxBlockRange(long value) {
      logsMaxBlockRange = value;
      return this;
    }

    public Builder logsMaxResults(int value) {
      logsMaxResults = value;
      return this;
    }

    public Builder filterTimeout(Duration value) {
      filterTimeout = value;
      return this;
    }

    public Builder filterMaxPending(int value) {
      filterMaxPending = value;
      return this;
    }

    public Builder wsMaxPendingMessages(int value) {
      wsMaxPendingMessages = value;
      return this;
    }

    public Builder wsPingInterval(Duration value) {
      wsPingInterval = value;
      return this;
    }

    public Builder maxSubscriptionsPerConnection(int value) {
      maxSubscriptionsPerConnection = value;
      return this;
    }

    public Builder maxInFlightPerConnection(int value) {
      maxInFlightPerConnection = value;
      return this;
    }

    public Builder clientVersion(String value) {
      clientVersion = value;
      return this;
    }

    public RpcServerConfig build() {
      return new RpcServerConfig(
          options,
          maxResponseBytes,
          ioThreads,
          evmThreads,
          evmQueue,
          syncDefaultTimeout,
          syncMaxTimeout,
          logsMaxBlockRange,
          logsMaxResults,
          filterTimeout,
          filterMaxPending,
          wsMaxPendingMessages,
          wsPingInterval,
          maxSubscriptionsPerConnection,
          maxInFlightPerConnection,
          clientVersion);
    }
  }
}
