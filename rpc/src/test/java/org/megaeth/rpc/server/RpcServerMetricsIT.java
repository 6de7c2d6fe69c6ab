package org.megaeth.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.testing.Rpc;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;

/** The server's meters over real sockets: calls by method, WebSocket connections, subscriptions. */
class RpcServerMetricsIT {
  private final TestChain chain = TestChain.create().automine();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpClient http = HttpClient.newHttpClient();
  private final RpcServer server =
      new RpcServer(
          RpcServerConfig.builder(Rpc.options()).build(),
          RpcHarness.backend(chain),
          TimeProvider.SYSTEM,
          registry);

  @AfterEach
  void stop() throws Exception {
    server.stop();
    chain.shutdown();
  }

  @Test
  void shouldMeterCallsConnectionsAndSubscriptionsAndDropTheGaugesWhenStopped() throws Exception {
    server.start();
    int port = server.localAddress().getPort();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Rpc.request("eth_chainId")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(registry.get("megaeth.rpc.requests").tag("method", "eth_chainId").counter().count())
        .isEqualTo(1);

    LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    messages.add(data.toString());
                    w.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                    closed.complete(null);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    ws.sendText(Rpc.request("eth_subscribe", "newHeads"), true).join();
    assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"result\"");

    awaitValue(() -> gauge("megaeth.rpc.websocket.connections"), 1);
    awaitValue(() -> gauge("megaeth.rpc.subscriptions"), 1);

    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    closed.get(10, TimeUnit.SECONDS);
    awaitValue(() -> gauge("megaeth.rpc.websocket.connections"), 0);
    awaitValue(() -> gauge("megaeth.rpc.subscriptions"), 0);
    assertThat(registry.get("megaeth.rpc.websocket.dropped.slow").functionCounter().count())
        .isZero();

    server.stop();
    assertThat(registry.find("megaeth.rpc.websocket.connections").gauge()).isNull();
    assertThat(registry.find("megaeth.rpc.subscriptions").gauge()).isNull();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  /** The close is seen by the server a moment after the client's close completes. */
  private static void awaitValue(DoubleSupplier value, double expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (value.getAsDouble() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(value.getAsDouble()).isEqualTo(expected);
  }
}
