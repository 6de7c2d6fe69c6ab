package org.megaeth.loadgen.rpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * JSON-RPC over HTTP/1.1 POSTs with the JDK's {@link HttpClient}. Connections are kept alive and
 * pooled by the client: each request in flight holds one, so the load's concurrency is the number
 * of connections open to the node.
 */
public final class HttpJsonRpcClient implements JsonRpcClient {
  private final URI endpoint;
  private final Duration requestTimeout;
  private final HttpClient http;

  /**
   * @param requestTimeout how long one request may wait for its response
   */
  public HttpJsonRpcClient(URI endpoint, Duration requestTimeout) {
    this.endpoint = endpoint;
    this.requestTimeout = requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            // Responses are completed on the client's selector thread: what runs there (JSON
            // parsing, releasing a permit) is short and never blocks, and the hand-off to a pool
            // per response cost more CPU than the work (measured against the node at 2,000 tx/s).
            .executor(Runnable::run)
            .build();
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public CompletableFuture<RpcResponse> send(RpcCall call) {
    return post(call.body())
        .thenApply(
            answer -> {
              List<RpcResponse> responses = answer.message().responses();
              if (answer.message().batch() || responses.size() != 1) {
                throw new RpcTransportException(endpoint + " answered: " + answer.text());
              }
              RpcResponse response = responses.getFirst();
              if (response.id() != call.id()) {
                throw new RpcTransportException(
                    endpoint + " answered request " + call.id() + " with id " + response.id());
              }
              return response;
            });
  }

  @Override
  public CompletableFuture<List<RpcResponse>> sendBatch(RpcBatch batch) {
    return post(batch.body())
        .thenApply(
            answer -> {
              if (!answer.message().batch()) {
                // A node without batches answers with one error object.
                throw new RpcTransportException(
                    endpoint + " did not answer a batch with an array: " + answer.text());
              }
              return batch.inCallOrder(answer.message().responses(), endpoint);
            });
  }

  /** What the node answered, read, and as it came (for messages about unexpected answers). */
  private record Answer(ResponseReader.Message message, byte[] body) {
    String text() {
      return abbreviate(new String(body, StandardCharsets.UTF_8));
    }
  }

  private CompletableFuture<Answer> post(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw new RpcTransportException(Failures.describe(endpoint, failure), failure);
              }
              if (response.statusCode() != 200) {
                throw new RpcTransportException(
                    endpoint
                        + " answered HTTP "
                        + response.statusCode()
                        + ": "
                        + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
              }
              try {
                return new Answer(ResponseReader.read(response.body()), response.body());
              } catch (IOException e) {
                throw new RpcTransportException(
                    endpoint
                        + " answered with invalid JSON: "
                        + abbreviate(new String(response.body(), StandardCharsets.UTF_8)),
                    e);
              }
            });
  }

  private static String abbreviate(Object text) {
    String s = String.valueOf(text).strip();
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
