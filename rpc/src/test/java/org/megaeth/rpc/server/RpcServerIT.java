package org.megaeth.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.testing.Rpc;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** The server over real loopback sockets: HTTP rules, keep-alive, WebSocket subscriptions. */
class RpcServerIT {
  private final TestChain chain = TestChain.create().automine();
  private RpcServer server;
  private InetSocketAddress address;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    RpcServerConfig config =
        RpcServerConfig.builder(
                Rpc.options().toBuilder()
                    .corsOrigins(List.of("https://app.example"))
                    .maxRequestBytes(64 * 1024)
                    .build())
            .build();
    server = new RpcServer(config, RpcHarness.backend(chain), TimeProvider.SYSTEM);
    server.start();
    address = server.localAddress();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    chain.shutdown();
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + address.getPort() + "/");
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerJsonRpcOverHttpPost() throws Exception {
    HttpResponse<String> response = post(Rpc.request("eth_chainId"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(Json.parse(response.body()).get("result").asText()).isEqualTo("0x539");
  }

  @Test
  void shouldAnswerABatch() throws Exception {
    String batch = "[" + Rpc.request("eth_chainId") + "," + Rpc.request("net_version") + "]";
    JsonNode answers = Json.parse(post(batch).body());
    assertThat(answers).hasSize(2);
    assertThat(answers.get(1).get("result").asText()).isEqualTo("1337");
  }

  @Test
  void shouldSendATransactionAndGetItsReceiptSynchronously() throws Exception {
    Transaction tx = Txs.transfer(chain.account(0), 0, Address.ofNumber(0xbeef), Wei.of(5));
    JsonNode receipt =
        Json.parse(post(Rpc.request("eth_sendRawTransactionSync", Txs.raw(tx))).body())
            .get("result");
    assertThat(receipt.get("transactionHash").asText()).isEqualTo(tx.hash().toHexString());
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    // Sealed right after: the final receipt is there too.
    chain.seal();
    JsonNode sealed =
        Json.parse(post(Rpc.request("eth_getTransactionReceipt", tx.hash().toHexString())).body())
            .get("result");
    assertThat(sealed.get("blockHash").isTextual()).isTrue();
  }

  @Test
  void shouldKeepTheConnectionAliveAndAnswerPipelinedRequestsInOrder() throws Exception {
    try (RawHttp raw = new RawHttp(address)) {
      raw.write(
          RawHttp.post("localhost", "application/json", Rpc.request("eth_chainId"))
              + RawHttp.post("localhost", "application/json", Rpc.request("net_version"))
              + RawHttp.post("localhost", "application/json", Rpc.request("eth_blockNumber")));
      assertThat(Json.parse(raw.read().body()).get("result").asText()).isEqualTo("0x539");
      assertThat(Json.parse(raw.read().body()).get("result").asText()).isEqualTo("1337");
      assertThat(Json.parse(raw.read().body()).get("result").asText()).startsWith("0x");
      raw.write(RawHttp.post("127.0.0.1:8545", "application/json", Rpc.request("eth_chainId")));
      assertThat(raw.read().status()).isEqualTo(200);
    }
  }

  /**
   * Answers that need no JSON-RPC work (a health-check GET, a refused content type) are queued
   * behind the calls sent before them on the connection, not written ahead of them.
   */
  @Test
  void shouldAnswerPipelinedRequestsInOrderWhateverTheirKind() throws Exception {
    try (RawHttp raw = new RawHttp(address)) {
      for (int round = 0; round < 20; round++) {
        raw.write(
            RawHttp.post("localhost", "application/json", Rpc.request("eth_blockNumber"))
                + "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + RawHttp.post("localhost", "text/plain", Rpc.request("eth_chainId"))
                + RawHttp.post("localhost", "application/json", Rpc.request("net_version")));
        RawHttp.Response call = raw.read();
        assertThat(call.status()).as("round %d, first answer", round).isEqualTo(200);
        assertThat(Json.parse(call.body()).get("result").asText()).startsWith("0x");
        RawHttp.Response health = raw.read();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).as("round %d, second answer", round).isEmpty();
        assertThat(raw.read().status()).as("round %d, third answer", round).isEqualTo(415);
        assertThat(Json.parse(raw.read().body()).get("result").asText()).isEqualTo("1337");
      }
    }
  }

  @Test
  void shouldRefuseHostsOffTheAllowList() throws Exception {
    try (RawHttp raw = new RawHttp(address)) {
      raw.write(RawHttp.post("evil.example", "application/json", Rpc.request("eth_chainId")));
      RawHttp.Response response = raw.read();
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("invalid host specified\n");
    }
  }

  @Test
  void shouldRefuseOversizedBodiesAndOtherContentTypes() throws Exception {
    try (RawHttp raw = new RawHttp(address)) {
      raw.write(RawHttp.post("localhost", "application/json", "[" + "1,".repeat(40_000) + "1]"));
      assertThat(raw.read().status()).isEqualTo(413);
    }
    try (RawHttp raw = new RawHttp(address)) {
      raw.write(RawHttp.post("localhost", "text/plain", Rpc.request("eth_chainId")));
      RawHttp.Response response = raw.read();
      assertThat(response.status()).isEqualTo(415);
      assertThat(response.body()).contains("only application/json is supported");
    }
  }

  @Test
  void shouldAnswerHealthChecksAndCorsPreflights() throws Exception {
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(uri())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("access-control-allow-origin"))
        .contains("https://app.example");
    assertThat(preflight.headers().firstValue("access-control-allow-headers"))
        .contains("content-type");
    HttpResponse<String> cors =
        http.send(
            HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/json")
                .header("Origin", "https://other.example")
                .POST(HttpRequest.BodyPublishers.ofString(Rpc.request("eth_chainId")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(cors.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void shouldRefuseSubscriptionsOverHttp() throws Exception {
    JsonNode error = Json.parse(post(Rpc.request("eth_subscribe", "newHeads")).body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(-32001);
  }

  /** Collects WebSocket text messages. */
  private static final class Collector implements WebSocket.Listener {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(Json.parse(partial.toString()));
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      closed.complete(status + " " + reason);
      return null;
    }

    JsonNode next() throws InterruptedException {
      JsonNode message = messages.poll(10, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no WebSocket message arrived");
      }
      return message;
    }
  }

  @Test
  void shouldStreamNewHeadsAndPreconfirmedLogsOverWebSocket() throws Exception {
    Collector collector = new Collector();
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + address.getPort() + "/"), collector)
            .get(10, TimeUnit.SECONDS);
    ws.sendText(Rpc.request("eth_subscribe", "newHeads"), true).join();
    JsonNode subscribed = collector.next();
    String id = subscribed.get("result").asText();
    ws.sendText(Rpc.request("eth_subscribe", "miniBlocks"), true).join();
    String minis = collector.next().get("result").asText();

    Transaction tx = Txs.transfer(chain.account(0), 0, Address.ofNumber(0xbeef), Wei.of(5));
    ws.sendText(Rpc.request("eth_sendRawTransaction", Txs.raw(tx)), true).join();
    // The response, and the two notifications in the order the node produced them (the response
    // may come before or after them: the transaction is mined on another thread).
    List<JsonNode> three = List.of(collector.next(), collector.next(), collector.next());
    JsonNode response = three.stream().filter(m -> m.has("id")).findFirst().orElseThrow();
    assertThat(response.get("result").asText()).isEqualTo(tx.hash().toHexString());
    List<JsonNode> notifications = three.stream().filter(m -> !m.has("id")).toList();
    JsonNode mini = notifications.get(0);
    assertThat(mini.get("params").get("subscription").asText()).isEqualTo(minis);
    JsonNode head = notifications.get(1);
    assertThat(head.get("params").get("subscription").asText()).isEqualTo(id);
    assertThat(head.get("params").get("result").get("number").asText()).isEqualTo("0x1");

    ws.sendText(Rpc.request("eth_unsubscribe", id), true).join();
    assertThat(collector.next().get("result").asBoolean()).isTrue();
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    assertThat(collector.closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
  }

  @Test
  void shouldRefuseWebSocketsFromForeignOrigins() throws Exception {
    try (RawHttp raw = new RawHttp(address)) {
      raw.write(
          "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              + "Origin: https://evil.example\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(403);
    }
    try (RawHttp raw = new RawHttp(address)) {
      raw.write(
          "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              + "Origin: https://app.example\r\n\r\n");
      assertThat(raw.read().status()).isEqualTo(101);
    }
  }
}
