package org.megaeth.config;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * JSON-RPC over HTTP and WebSocket.
 *
 * @param enabled whether the node serves JSON-RPC at all
 * @param host the interface to listen on
 * @param port the TCP port for HTTP (and WebSocket, by upgrade)
 * @param wsEnabled whether WebSocket upgrades (and so subscriptions) are accepted
 * @param corsOrigins origins browsers may call from; {@code "*"} allows any, empty sends no CORS
 *     headers
 * @param hostAllowlist values the HTTP {@code Host} header may take (DNS-rebinding protection);
 *     {@code "*"} allows any
 * @param maxBatchSize the most calls one batch request may hold
 * @param maxRequestBytes the largest request body accepted
 * @param gasCap the most gas one {@code eth_call} or {@code eth_estimateGas} may use
 * @param evmTimeout how long one {@code eth_call} or {@code eth_estimateGas} may run
 * @param namespaces the namespaces whose methods are served
 * @param allowUnprotectedTxs whether legacy transactions without EIP-155 replay protection are
 *     accepted (geth's {@code --rpc.allow-unprotected-txs}; off by default, as in geth)
 * @param syncTimeout EIP-7966: how long {@code eth_sendRawTransactionSync} waits when the caller
 *     names no timeout
 * @param syncMaxTimeout the cap on the timeout a caller names
 * @param maxResponseBytes the largest response (single or batch) sent
 * @param logsMaxBlockRange the widest {@code eth_getLogs} block range
 * @param logsMaxResults the most logs one {@code eth_getLogs} returns
 */
public record RpcOptions(
    boolean enabled,
    String host,
    int port,
    boolean wsEnabled,
    List<String> corsOrigins,
    List<String> hostAllowlist,
    int maxBatchSize,
    int maxRequestBytes,
    long gasCap,
    Duration evmTimeout,
    Set<RpcNamespace> namespaces,
    boolean allowUnprotectedTxs,
    Duration syncTimeout,
    Duration syncMaxTimeout,
    int maxResponseBytes,
    long logsMaxBlockRange,
    int logsMaxResults) {
  public RpcOptions {
    Objects.requireNonNull(host, "host");
    corsOrigins = List.copyOf(corsOrigins);
    hostAllowlist = List.copyOf(hostAllowlist);
    Objects.requireNonNull(evmTimeout, "evmTimeout");
    Objects.requireNonNull(syncTimeout, "syncTimeout");
    Objects.requireNonNull(syncMaxTimeout, "syncMaxTimeout");
    namespaces = enumSet(namespaces);
  }

  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .host(host)
        .port(port)
        .wsEnabled(wsEnabled)
        .corsOrigins(corsOrigins)
        .hostAllowlist(hostAllowlist)
        .maxBatchSize(maxBatchSize)
        .maxRequestBytes(maxRequestBytes)
        .gasCap(gasCap)
        .evmTimeout(evmTimeout)
        .namespaces(namespaces)
        .allowUnprotectedTxs(allowUnprotectedTxs)
        .syncTimeout(syncTimeout)
        .syncMaxTimeout(syncMaxTimeout)
        .maxResponseBytes(maxResponseBytes)
        .logsMaxBlockRange(logsMaxBlockRange)
        .logsMaxResults(logsMaxResults);
  }

  /** An unmodifiable set iterating in declaration order, so printed config is stable. */
  static Set<RpcNamespace> enumSet(Collection<RpcNamespace> values) {
    EnumSet<RpcNamespace> set = EnumSet.noneOf(RpcNamespace.class);
    set.addAll(values);
    return Collections.unmodifiableSet(set);
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private boolean enabled = Defaults.RPC_ENABLED;
    private String host = Defaults.RPC_HOST;
    private int port = Defaults.RPC_PORT;
    private boolean wsEnabled = Defaults.RPC_WS_ENABLED;
    private List<String> corsOrigins = Defaults.RPC_CORS_ORIGINS;
    private List<String> hostAllowlist = Defaults.RPC_HOST_ALLOWLIST;
    private int maxBatchSize = Defaults.RPC_MAX_BATCH_SIZE;
    private int maxRequestBytes = Defaults.RPC_MAX_REQUEST_BYTES;
    private long gasCap = Defaults.RPC_GAS_CAP;
    private Duration evmTimeout = Defaults.RPC_EVM_TIMEOUT;
    private Set<RpcNamespace> namespaces = Defaults.RPC_NAMESPACES;
    private boolean allowUnprotectedTxs = Defaults.RPC_ALLOW_UNPROTECTED_TXS;
    private Duration syncTimeout = Defaults.RPC_SYNC_TIMEOUT;
    private Duration syncMaxTimeout = Defaults.RPC_SYNC_MAX_TIMEOUT;
    private int maxResponseBytes = Defaults.RPC_MAX_RESPONSE_BYTES;
    private long logsMaxBlockRange = Defaults.RPC_LOGS_MAX_BLOCK_RANGE;
    private int logsMaxResults = Defaults.RPC_LOGS_MAX_RESULTS;

    Builder() {}

    public Builder enabled(boolean value) {
      this.enabled = value;
      return this;
    }

    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder wsEnabled(boolean value) {
      this.wsEnabled = value;
      return this;
    }

    public Builder corsOrigins(List<String> value) {
      this.corsOrigins = List.copyOf(value);
      return this;
    }

    public Builder hostAllowlist(List<String> value) {
      this.hostAllowlist = List.copyOf(value);
      return this;
    }

    public Builder maxBatchSize(int value) {
      this.maxBatchSize = value;
      return this;
    }

    public Builder maxRequestBytes(int value) {
      this.maxRequestBytes = value;
      return this;
    }

    public Builder gasCap(long value) {
      this.gasCap = value;
      return this;
    }

    public Builder evmTimeout(Duration value) {
      this.evmTimeout = Objects.requireNonNull(value, "evmTimeout");
      return this;
    }

    public Builder namespaces(Collection<RpcNamespace> value) {
      this.namespaces = enumSet(value);
      return this;
    }

    public Builder allowUnprotectedTxs(boolean value) {
      this.allowUnprotectedTxs = value;
      return this;
    }

    public Builder syncTimeout(Duration value) {
      this.syncTimeout = Objects.requireNonNull(value, "syncTimeout");
      return this;
    }

    public Builder syncMaxTimeout(Duration value) {
      this.syncMaxTimeout = Objects.requireNonNull(value, "syncMaxTimeout");
      return this;
    }

    public Builder maxResponseBytes(int value) {
      this.maxResponseBytes = value;
      return this;
    }

    public Builder logsMaxBlockRange(long value) {
      this.logsMaxBlockRange = value;
      return this;
    }

    public Builder logsMaxResults(int value) {
      this.logsMaxResults = value;
      return this;
    }

    public RpcOptions build() {
      return new RpcOptions(
          enabled,
          host,
          port,
          wsEnabled,
          corsOrigins,
          hostAllowlist,
          maxBatchSize,
          maxRequestBytes,
          gasCap,
          evmTimeout,
          namespaces,
          allowUnprotectedTxs,
          syncTimeout,
          syncMaxTimeout,
          maxResponseBytes,
          logsMaxBlockRange,
          logsMaxResults);
    }
  }
}
