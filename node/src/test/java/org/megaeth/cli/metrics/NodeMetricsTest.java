package org.megaeth.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaeth.config.MetricsOptions;
import org.megaeth.config.NodeOptions;
import org.megaeth.core.service.Service;
import org.megaeth.core.service.ServiceController;

class NodeMetricsTest {

  @Test
  void shouldKeepNothingAndServeNothingWhenDisabled() throws Exception {
    NodeMetrics metrics = NodeMetrics.of(NodeOptions.builder().build().metrics());
    Counter counter = Counter.builder("megaeth.test").register(metrics.registry());
    counter.increment();

    assertThat(metrics.registry()).isNotInstanceOf(PrometheusMeterRegistry.class);
    assertThat(metrics.registry().find("megaeth.test").counter().count())
        .as("a registry without a backend keeps nothing")
        .isZero();
    Marker role = new Marker();
    ServiceController all = metrics.around(new ServiceController(List.of(role)));
    all.start();
    assertThat(role.state()).isEqualTo(Service.State.RUNNING);
    all.stop();
  }

  @Test
  void shouldServeTheRegistryAndTheJvmMetersWhenEnabled() throws Exception {
    MetricsOptions options =
        NodeOptions.builder().build().metrics().toBuilder().enabled(true).port(freePort()).build();
    NodeMetrics metrics = NodeMetrics.of(options);
    Counter.builder("megaeth.test.things").register(metrics.registry()).increment(3);
    ServiceController all = metrics.around(new ServiceController(List.of(new Marker())));
    all.start();
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + options.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(body)
          .contains("megaeth_test_things_total 3.0")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_threads_live_threads")
          .contains("process_cpu_usage")
          .contains("jvm_gc_");
    } finally {
      all.stop();
    }
  }

  private static int freePort() throws Exception {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static final class Marker extends Service {
    @Override
    protected void doStart() {}

    @Override
    protected void doStop() {}
  }
}
