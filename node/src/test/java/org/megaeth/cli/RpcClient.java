package org.megaeth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small JSON-RPC 2.0 client over HTTP for tests that talk to a node process: {@link #call} for
 * one call, {@link #batch} for many of the same method, {@link #post} for raw bodies (bad JSON,
 * oversized requests). A JSON-RPC error answer becomes {@link RpcError}; a transport failure (the
 * node is gone) stays an {@link IOException}, so a test can tell a refusal from a crash.
 */
final class RpcClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Longer than the node's longest wait ({@code eth_sendRawTransactionSync} caps at 20 s). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI url;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  RpcClient(URI url) {
    this.url = url;
    // HTTP/1.1 only: the node speaks it, and an h2c upgrade attempt would only add a round trip.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  URI url() {
    return url;
  }

  /**
   * Calls {@code method} with positional {@code params} (strings, numbers, booleans, lists, maps or
   * {@link JsonNode}s) and returns its result, which is a {@code NullNode} for a JSON null.
   *
   * @throws RpcError when the node answers with an error object
   * @throws IOException when the node cannot be reached or answers other than with JSON-RPC
   */
  JsonNode call(String method, Object... params) throws IOException, InterruptedException {
    ObjectNode request = request(method, Arrays.asList(params));
    JsonNode response = parse(send(JSON.writeValueAsString(request)));
    return resultOf(response);
  }

  /**
   * Calls {@code method} once per parameter list in one batch; the results in the order of {@code
   * paramsList}.
   *
   * @throws RpcError for the first call that failed
   */
  List<JsonNode> batch(String method, List<? extends List<?>> paramsList)
      throws IOException, InterruptedException {
    ArrayNode batch = JSON.createArrayNode();
    List<Long> requestIds = new ArrayList<>(paramsList.size());
    for (List<?> params : paramsList) {
      ObjectNode request = request(method, params);
      requestIds.add(request.get("id").asLong());
      batch.add(request);
    }
    JsonNode responses = parse(send(JSON.writeValueAsString(batch)));
    if (!responses.isArray()) {
      // A batch-level refusal (too large, for one) comes back as a single error object.
      resultOf(responses);
      throw new IOException("a batch answered with " + responses);
    }
    // The spec lets a server answer a batch in any order: match responses by id.
    Map<Long, JsonNode> byId = new HashMap<>();
    for (JsonNode response : responses) {
      byId.put(response.path("id").asLong(), response);
    }
    List<JsonNode> results = new ArrayList<>(requestIds.size());
    for (long id : requestIds) {
      JsonNode response = byId.get(id);
      if (response == null) {
        throw new IOException("no response for batch call " + id + " of " + method);
      }
      results.add(resultOf(response));
    }
    return results;
  }

  /** POSTs {@code body} as {@code application/json} and returns the HTTP answer as it is. */
  HttpReply post(String body) throws IOException, InterruptedException {
    return post(HttpRequest.BodyPublishers.ofString(body));
  }

  /** POSTs {@code body} as {@code application/json} and returns the HTTP answer as it is. */
  HttpReply post(byte[] body) throws IOException, InterruptedException {
    return post(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private HttpReply post(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(body)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new HttpReply(response.statusCode(), response.body());
  }

  private String send(String body) throws IOException, InterruptedException {
    HttpReply reply = post(body);
    if (reply.status() != 200) {
      throw new IOException("HTTP " + reply.status() + " from " + url + ": " + reply.body());
    }
    return reply.body();
  }

  private ObjectNode request(String method, List<?> params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    request.set("params", JSON.valueToTree(params));
    return request;
  }

  private static JsonNode parse(String body) throws IOException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IOException("not JSON: " + body, e);
    }
  }

  private static JsonNode resultOf(JsonNode response) throws IOException {
    JsonNode error = response.get("error");
    if (error != null) {
      throw new RpcError(
          error.path("code").asInt(),
          error.path("message").asText(),
          Optional.ofNullable(error.get("data")));
    }
    if (!response.has("result")) {
      throw new IOException("neither result nor error in " + response);
    }
    return response.get("result");
  }

  @Override
  public void close() {
    http.close();
  }

  /** An HTTP status and body. */
  record HttpReply(int status, String body) {}

  /**
   * A JSON-RPC error answer. Unchecked: most calls in a test expect a result, and an error there
   * should fail the test with the node's words.
   */
  static final class RpcError extends RuntimeException {
    private final int code;
    private final String rpcMessage;
    private final Optional<JsonNode> data;

    RpcError(int code, String message, Optional<JsonNode> data) {
      super(code + " " + message + data.map(d -> " (data " + d + ")").orElse(""));
      this.code = code;
      this.rpcMessage = message;
      this.data = data;
    }

    int code() {
      return code;
    }

    /** The error object's {@code message}, exactly as the node sent it. */
    String rpcMessage() {
      return rpcMessage;
    }

    Optional<JsonNode> data() {
      return data;
    }
  }
}
