package org.megaeth.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scrape endpoint over a real loopback socket. */
class MetricsServerTest {
  private final AtomicInteger scrapes = new AtomicInteger();
  private final MetricsServer server =
      new MetricsServer(
          "127.0.0.1",
          0,
          () -> "# TYPE demo_total counter\ndemo_total " + scrapes.incrementAndGet() + "\n");
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() throws Exception {
    server.stop();
    http.close();
  }

  @Test
  void shouldServeTheScrapeInPrometheusTextFormatOnGetMetrics() throws Exception {
    server.start();

    HttpResponse<String> first = get("/metrics");
    HttpResponse<String> second = get("/metrics?name[]=demo_total");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("content-type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(first.body()).isEqualTo("# TYPE demo_total counter\ndemo_total 1\n");
    assertThat(second.body()).as("rendered afresh on every scrape").contains("demo_total 2");
  }

  @Test
  void shouldAnswerOtherPathsWith404AndOtherMethodsWith405() throws Exception {
    server.start();

    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/metricsx").statusCode()).isEqualTo(404);
    assertThat(get("/metrics/").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).contains("GET");
    HttpResponse<String> delete =
        http.send(
            HttpRequest.newBuilder(uri("/metrics")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(scrapes).as("refusals render nothing").hasValue(0);
  }

  @Test
  void shouldAnswerPipelinedRequestsInOrderOnOneConnection() throws Exception {
    server.start();
    try (Socket socket = new Socket("127.0.0.1", server.localAddress().getPort())) {
      String request =
          "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
              + "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
              + "GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      int ok1 = answer.indexOf("demo_total 1");
      int notFound = answer.indexOf("HTTP/1.1 404");
      int ok2 = answer.indexOf("demo_total 2");
      assertThat(ok1).isPositive();
      assertThat(notFound).isGreaterThan(ok1);
      assertThat(ok2).isGreaterThan(notFound);
    }
  }

  @Test
  void shouldFailToStartWithAOneLineErrorNamingTheOptionWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MetricsServer clash = new MetricsServer("127.0.0.1", taken.getLocalPort(), () -> "");
      assertThatThrownBy(clash::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("metrics.port")
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageNotContaining("\n");
      clash.stop();
    }
  }

  @Test
  void shouldNameAnUnresolvableHost() {
    MetricsServer nowhere = new MetricsServer("no-such-host.invalid", 0, () -> "");
    assertThatThrownBy(nowhere::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("metrics.host")
        .hasMessageContaining("no-such-host.invalid");
  }

  @Test
  void shouldStopListeningWhenStopped() throws Exception {
    server.start();
    int port = server.localAddress().getPort();
    assertThat(get("/metrics").statusCode()).isEqualTo(200);

    server.stop();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.localAddress().getPort() + path);
  }
}
