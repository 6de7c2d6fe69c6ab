package org.megaeth.loadgen.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against a JDK {@link HttpServer} on loopback whose answers each test chooses,
 * including wrong ones a real node should never give.
 */
class HttpJsonRpcClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private HttpJsonRpcClient client;

  /** Serves {@code answer(request)} with status 200, or the status it sets. */
  private URI serve(UnaryOperator<JsonNode> answer, int status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody());
          respond(exchange, status, JSON.writeValueAsBytes(answer.apply(request)));
        });
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    client = new HttpJsonRpcClient(endpoint, Duration.ofSeconds(10));
    return endpoint;
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static ObjectNode result(JsonNode request, String value) {
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    response.put("result", value);
    return response;
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldReturnTheResultOfTheCall() throws Exception {
    serve(request -> result(request, request.get("method").asText() + "!"), 200);
    RpcResponse response = client.call("eth_chainId", List.of()).get();
    assertThat(response).isInstanceOf(RpcResponse.Result.class);
    assertThat(((RpcResponse.Result) response).value().asText()).isEqualTo("eth_chainId!");
  }

  @Test
  void shouldReturnAnErrorResponseWithItsCodeMessageAndData() throws Exception {
    serve(
        request -> {
          ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
          response.set("id", request.get("id"));
          response
              .putObject("error")
              .put("code", 4)
              .put("message", "timed out")
              .put("data", "0xab");
          return response;
        },
        200);
    RpcResponse response = client.call("eth_sendRawTransactionSync", List.of("0x00")).get();
    assertThat(response).isInstanceOf(RpcResponse.Error.class);
    RpcResponse.Error error = (RpcResponse.Error) response;
    assertThat(error.code()).isEqualTo(4);
    assertThat(error.message()).isEqualTo("timed out");
    assertThat(error.data().asText()).isEqualTo("0xab");
  }

  @Test
  void shouldPutABatchsResponsesBackInTheOrderOfItsCalls() throws Exception {
    serve(
        request -> {
          ArrayNode responses = JSON.createArrayNode();
          for (int i = request.size() - 1; i >= 0; i--) { // answered in reverse, as JSON-RPC allows
            responses.add(result(request.get(i), request.get(i).get("params").get(0).asText()));
          }
          return responses;
        },
        200);
    List<RpcCall> calls =
        List.of(
            RpcCall.control("m", List.of("a")),
            RpcCall.control("m", List.of("b")),
            RpcCall.control("m", List.of("c")));
    List<RpcResponse> responses = client.sendBatch(RpcBatch.of(calls)).get();
    assertThat(responses.stream().map(r -> ((RpcResponse.Result) r).value().asText()))
        .containsExactly("a", "b", "c");
  }

  @Test
  void shouldQuoteTheNodesAnswerWhenItAnswersABatchWithOneObject() throws Exception {
    serve(
        request -> {
          ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
          response.putNull("id");
          response.putObject("error").put("code", -32600).put("message", "batches are off");
          return response;
        },
        200);
    RpcBatch batch =
        RpcBatch.of(List.of(RpcCall.of(1, "m", List.of()), RpcCall.of(2, "m", List.of())));
    assertThatThrownBy(() -> client.sendBatch(batch).get())
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("did not answer a batch with an array")
        .hasMessageContaining("batches are off");
  }

  @Test
  void shouldFailAResponseWithAnotherId() throws Exception {
    serve(
        request ->
            JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 12345).put("result", "x"),
        200);
    assertThatThrownBy(() -> client.send(RpcCall.of(7, "m", List.of())).get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("answered request 7 with id 12345");
  }

  @Test
  void shouldFailWithTheStatusWhenTheServerAnswersAnHttpError() throws Exception {
    serve(request -> JSON.createObjectNode().put("message", "forbidden host"), 403);
    assertThatThrownBy(() -> client.call("eth_chainId", List.of()).get())
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("forbidden host");
  }

  @Test
  void shouldSayTheEndpointCannotBeReachedWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there now
    }
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    client = new HttpJsonRpcClient(endpoint, Duration.ofSeconds(10));
    assertThatThrownBy(() -> client.call("eth_chainId", List.of()).get())
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessage(
            "cannot connect to " + endpoint + " (is the node running and listening there?)");
  }

  @Test
  void shouldSerializeACallAsAJsonRpcRequest() throws Exception {
    RpcCall call = RpcCall.of(3, "eth_getBlockByNumber", List.of("0x1", false));
    assertThat(JSON.readTree(call.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x1\",false]}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(RpcCall.control("m", List.of()).id())
        .isGreaterThanOrEqualTo(RpcCall.FIRST_CONTROL_ID);
  }

  /** Serves results naming the client's port (one per connection), in chunks or not. */
  private void serveClientPorts(boolean chunked, boolean closeEach, Duration delay)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody());
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body =
              JSON.writeValueAsBytes(
                  result(request, String.valueOf(exchange.getRemoteAddress().getPort())));
          if (closeEach) {
            exchange.getResponseHeaders().add("Connection", "close");
          }
          // Length 0 makes the JDK's server send the body in chunks.
          exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    client =
        new HttpJsonRpcClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            Duration.ofMillis(500));
  }

  private String clientPort() throws Exception {
    return ((RpcResponse.Result) client.call("eth_chainId", List.of()).get()).value().asText();
  }

  @Test
  void shouldKeepOneConnectionAliveForCallsOneAfterAnother() throws Exception {
    serveClientPorts(false, false, Duration.ZERO);
    String first = clientPort();
    for (int i = 0; i < 5; i++) {
      assertThat(clientPort()).isEqualTo(first);
    }
  }

  @Test
  void shouldReadAChunkedResponse() throws Exception {
    serveClientPorts(true, false, Duration.ZERO);
    String first = clientPort();
    assertThat(first).matches("[0-9]+");
    assertThat(clientPort()).isEqualTo(first);
  }

  @Test
  void shouldOpenANewConnectionWhenTheServerSaysItClosesOne() throws Exception {
    serveClientPorts(false, true, Duration.ZERO);
    assertThat(clientPort()).isNotEqualTo(clientPort());
  }

  @Test
  void shouldSayTheNodeDidNotAnswerInTime() throws Exception {
    serveClientPorts(false, false, Duration.ofSeconds(3));
    assertThatThrownBy(() -> client.call("eth_chainId", List.of()).get())
        .cause()
        .isInstanceOf(RpcTransportException.class)
        .hasMessage(client.endpoint() + " did not answer in time");
  }

  @Test
  void shouldRefuseAnEndpointThatIsNotHttp() {
    assertThatThrownBy(
            () -> new HttpJsonRpcClient(URI.create("ws://127.0.0.1:8545"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an HTTP endpoint");
  }
}
