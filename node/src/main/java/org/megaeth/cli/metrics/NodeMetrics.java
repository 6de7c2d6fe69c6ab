package org.megaeth.cli.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.megaeth.config.MetricsOptions;
import org.megaeth.core.service.Service;
import org.megaeth.core.service.ServiceController;

/**
 * The node's one meter registry and the services that expose it, from the {@code metrics.*}
 * options. Enabled: a Prometheus registry, the JVM meters and the scrape endpoint. Disabled: a
 * registry that keeps nothing (the components still record into it, at the cost of a no-op call),
 * and nothing listens.
 */
public final class NodeMetrics {
  private final MeterRegistry registry;
  private final List<Service> services;

  private NodeMetrics(MeterRegistry registry, List<Service> services) {
    this.registry = registry;
    this.services = List.copyOf(services);
  }

  public static NodeMetrics of(MetricsOptions options) {
    if (!options.enabled()) {
      return new NodeMetrics(new CompositeMeterRegistry(), List.of());
    }
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new NodeMetrics(
        prometheus,
        List.of(
            new JvmMeters(prometheus),
            new MetricsServer(options.host(), options.port(), prometheus::scrape)));
  }

  /** Where every component records: pass this one, never a global registry. */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The role's services, with the metrics' own started before them and stopped after them: the
   * endpoint answers while the role recovers, and a taken port fails the start before the role does
   * any work.
   */
  public ServiceController around(ServiceController role) {
    List<Service> all = new ArrayList<>(services);
    all.add(role);
    return new ServiceController(all);
  }
}
