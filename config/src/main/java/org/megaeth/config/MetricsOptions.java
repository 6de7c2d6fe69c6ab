package org.megaeth.config;

import java.util.Objects;

/**
 * The Prometheus scrape endpoint.
 *
 * @param enabled whether the endpoint is served
 * @param host the interface to listen on
 * @param port the TCP port to listen on
 */
public record MetricsOptions(boolean enabled, String host, int port) {
  public MetricsOptions {
    Objects.requireNonNull(host, "host");
  }

  public Builder toBuilder() {
    return new Builder().enabled(enabled).host(host).port(port);
  }

  /** Starts from {@link Defaults}; {@link NodeOptions.Builder#build()} validates. */
  public static final class Builder {
    private boolean enabled = Defaults.METRICS_ENABLED;
    private String host = Defaults.METRICS_HOST;
    private int port = Defaults.METRICS_PORT;

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

    public MetricsOptions build() {
      return new MetricsOptions(enabled, host, port);
    }
  }
}
