package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.cli.RpcClient.RpcError;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;

/**
 * The Prometheus endpoint of a real node process: enabled with {@code --metrics}, scraped over a
 * socket after real traffic, its counters moved by that traffic; not listening when disabled; and a
 * taken port is a one-line startup error.
 */
class MetricsIT {
  private static final int TRANSFERS = 12;
  private static final Address RECIPIENT =
      Address.fromHex("0x00000000000000000000000000000000000000cc");

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void shouldServeCountersMovedByTransactionsAndRpcCalls() throws Exception {
    int metricsPort = NodeProcess.freePort();
    try (NodeProcess node =
            NodeProcess.start(
                dir.resolve("data"),
                NodeProcess.freePort(),
                "--metrics",
                "--set",
                "metrics.port=" + metricsPort);
        RpcClient rpc = new RpcClient(node.httpUrl())) {
      KeyPair sender = DevTransactions.account(3);
      List<String> hashes = new ArrayList<>();
      for (int nonce = 0; nonce < TRANSFERS; nonce++) {
        Transaction tx = DevTransactions.transfer(sender, nonce, RECIPIENT, Wei.of(1));
        hashes.add(rpc.call("eth_sendRawTransaction", DevTransactions.raw(tx)).asText());
      }
      // The first again: refused (already known, or nonce too low once it ran).
      Transaction again = DevTransactions.transfer(sender, 0, RECIPIENT, Wei.of(1));
      assertThatThrownBy(() -> rpc.call("eth_sendRawTransaction", DevTransactions.raw(again)))
          .isInstanceOf(RpcError.class);
      for (int i = 0; i < 3; i++) {
        String made = "made_up_" + i;
        assertThatThrownBy(() -> rpc.call(made)).isInstanceOf(RpcError.class);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (String hash : hashes) {
        while (rpc.call("eth_getTransactionReceipt", hash).isNull()) {
          assertThat(System.nanoTime()).as("receipt of %s", hash).isLessThan(deadline);
          Thread.sleep(50);
        }
      }

      HttpResponse<String> scrape = get(metricsPort, "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("content-type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
      Map<String, Double> samples = parse(scrape.body());

      assertThat(sample(samples, "megaeth_sequencer_transactions_admitted_total"))
          .isGreaterThanOrEqualTo(TRANSFERS);
      assertThat(
              sample(samples, "megaeth_sequencer_transactions_rejected_total", "already_known")
                  + sample(
                      samples, "megaeth_sequencer_transactions_rejected_total", "nonce_too_low"))
          .isGreaterThanOrEqualTo(1);
      assertThat(sample(samples, "megaeth_rpc_requests_total", "eth_sendRawTransaction"))
          .isGreaterThanOrEqualTo(TRANSFERS + 1);
      assertThat(sample(samples, "megaeth_rpc_requests_total", "unknown"))
          .isGreaterThanOrEqualTo(3);
      assertThat(samples.keySet())
          .as("a method name a client made up is no tag value")
          .noneMatch(k -> k.contains("made_up"));
      assertThat(sample(samples, "megaeth_rpc_errors_total", "-32601")).isGreaterThanOrEqualTo(3);
      assertThat(sample(samples, "megaeth_sequencer_mini_blocks_total")).isPositive();
      assertThat(sample(samples, "megaeth_sequencer_mini_block_transactions_sum"))
          .isGreaterThanOrEqualTo(TRANSFERS);
      assertThat(sample(samples, "megaeth_sequencer_blocks_total")).isPositive();
      assertThat(sample(samples, "megaeth_chain_head_number")).isPositive();
      assertThat(sample(samples, "megaeth_wal_fsync_seconds_count")).isPositive();
      assertThat(sample(samples, "megaeth_execution_wall_seconds_total")).isPositive();
      assertThat(samples).containsKey("megaeth_mempool_pending");
      assertThat(samples).containsKey("megaeth_rpc_websocket_connections");
      assertThat(samples.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));
      assertThat(samples.keySet()).anyMatch(k -> k.startsWith("process_cpu_usage"));

      assertThat(get(metricsPort, "/").statusCode()).isEqualTo(404);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(uri(metricsPort, "/metrics"))
                          .POST(HttpRequest.BodyPublishers.noBody())
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(405);
      assertThat(node.stop()).isZero();
    }
  }

  @Test
  void shouldNotListenWhenMetricsAreDisabled() throws Exception {
    int metricsPort = NodeProcess.freePort();
    try (NodeProcess node =
        NodeProcess.start(
            dir.resolve("quiet"), NodeProcess.freePort(), "--set", "metrics.port=" + metricsPort)) {
      assertThat(node.isAlive()).isTrue();
      assertThatThrownBy(() -> new Socket("127.0.0.1", metricsPort).close())
          .isInstanceOf(ConnectException.class);
      assertThat(node.log()).doesNotContain("Prometheus metrics on");
    }
  }

  @Test
  void shouldRefuseToStartInOneLineWhenTheMetricsPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      NodeProcess node =
          NodeProcess.launch(
              dir.resolve("clash"),
              NodeProcess.freePort(),
              "--metrics",
              "--set",
              "metrics.port=" + taken.getLocalPort());
      assertThat(node.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(node.log())
          .contains(
              "megaeth-node: failed to start: metrics.port: cannot listen on 127.0.0.1:"
                  + taken.getLocalPort())
          .doesNotContain("\tat ")
          .doesNotContain("Exception");
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(port, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The samples of a text-format scrape: {@code name{labels}} to value. */
  private static Map<String, Double> parse(String body) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  /** The value of an unlabelled series, or of the one whose single label has {@code value}. */
  private static double sample(Map<String, Double> samples, String name, String... labelValue) {
    List<Double> found =
        samples.entrySet().stream()
            .filter(
                e ->
                    labelValue.length == 0
                        ? e.getKey().equals(name)
                        : e.getKey().startsWith(name + "{")
                            && e.getKey().endsWith("=\"" + labelValue[0] + "\"}"))
            .map(Map.Entry::getValue)
            .toList();
    assertThat(found).as("series %s %s", name, List.of(labelValue)).hasSize(1);
    return found.get(0);
  }
}
