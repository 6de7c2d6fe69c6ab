package org.megaeth.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The peer-to-peer transport.
 *
 * @param enabled whether the node listens for and dials peers
 * @param host the interface to listen on
 * @param port the TCP port to listen on
 * @param bootnodes {@code enode://<node id>@<host>:<port>} URLs dialled at start
 * @param maxPeers the most peers connected at once
 * @param nodeKeyFile the node's identity key; empty means the node module's default under the data
 *     directory
 */
public record P2pOptions(
    boolean enabled,
    String host,
    int port,
    List<String> bootnodes,
    int maxPeers,
    Optional<Path> nodeKeyFile) {
  public P2pOptions {
    Objects.requireNonNull(host, "host");
    bootnodes = List.copyOf(bootnodes);
    Objects.requireNonNull(nodeKeyFile, "nodeKeyFile");
  }

  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .host(host)
        .port(port)
        .bootnodes(bootnodes)
        .maxPeers(maxPeers)
        .nodeKeyFile(nodeKeyFile);
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private boolean enabled = Defaults.P2P_ENABLED;
    private String host = Defaults.P2P_HOST;
    private int port = Defaults.P2P_PORT;
    private List<String> bootnodes = List.of();
    private int maxPeers = Defaults.P2P_MAX_PEERS;
    private Optional<Path> nodeKeyFile = Optional.empty();

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

    public Builder bootnodes(List<String> value) {
      this.bootnodes = List.copyOf(value);
      return this;
    }

    public Builder maxPeers(int value) {
      this.maxPeers = value;
      return this;
    }

    public Builder nodeKeyFile(Optional<Path> value) {
      this.nodeKeyFile = Objects.requireNonNull(value, "nodeKeyFile");
      return this;
    }

    public P2pOptions build() {
      return new P2pOptions(enabled, host, port, bootnodes, maxPeers, nodeKeyFile);
    }
  }
}
