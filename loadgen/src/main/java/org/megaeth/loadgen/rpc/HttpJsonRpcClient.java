package org.megaeth.loadgen.rpc;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * JSON-RPC over HTTP/1.1 POSTs on kept-alive connections ({@link HttpConnection}), each request on
 * a pooled thread that takes an idle connection or opens one: the load's concurrency is the number
 * of connections open to the node.
 *
 * <p>Why not the JDK's {@code java.net.http.HttpClient}: for 20,000 single calls it spent 2.6 s of
 * CPU against 0.5 s for the same calls over the tool's WebSocket client (docs/benchmarks.md, rpc,
 * "Session 13"), so over HTTP the tool measured itself more than the node. A blocking exchange on a
 * pooled thread writes the request with one call and reads the response straight into the bytes the
 * JSON reader takes.
 */
public final class HttpJsonRpcClient implements JsonRpcClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI endpoint;
  private final Duration requestTimeout;
  private final HttpWire.Target target;
  private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();

  /** Every open connection, idle or in use, so that {@link #close} can release blocked reads. */
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();

  /**
   * Platform threads, one per request in flight, kept while busy: a virtual thread's blocking read
   * goes through the JDK's poller and a park and unpark per response, which cost the tool more CPU
   * per call than this whole client's work.
   */
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().name("http-rpc-", 0).daemon(true).factory());

  private volatile boolean closed;

  /**
   * @param endpoint an {@code http://} or {@code https://} URL
   * @param requestTimeout how long one request may wait for its response
   * @throws IllegalArgumentException for another kind of URL
   */
  public HttpJsonRpcClient(URI endpoint, Duration requestTimeout) {
    String scheme = String.valueOf(endpoint.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an HTTP endpoint (http:// or https://): " + endpoint);
    }
    this.endpoint = endpoint;
    this.requestTimeout = requestTimeout;
    this.target = HttpWire.Target.of(endpoint, scheme.equals("https"));
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
      return HttpWire.abbreviate(new String(body, StandardCharsets.UTF_8));
    }
  }

  private CompletableFuture<Answer> post(String body) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    try {
      return CompletableFuture.supplyAsync(() -> exchange(json), threads);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(
          new RpcTransportException("the client for " + endpoint + " is closed"));
    }
  }

  /** One POST and its answer, on a request's own thread. */
  private Answer exchange(byte[] json) {
    HttpConnection.Response response;
    for (int attempt = 0; ; attempt++) {
      HttpConnection connection = idle.pollFirst();
      boolean reused = connection != null;
      try {
        if (connection == null) {
          connection = HttpConnection.open(target, CONNECT_TIMEOUT);
          open.add(connection);
        }
        response = connection.post(json, requestTimeout);
      } catch (IOException e) {
        if (connection != null) {
          discard(connection);
        }
        // A kept-alive connection the server closed while it was idle fails on first use, before
        // the server read anything: that is worth one more try on a new connection.
        if (reused && attempt == 0 && (e instanceof EOFException || e instanceof SocketException)) {
          continue;
        }
        throw new RpcTransportException(Failures.describe(endpoint, e), e);
      }
      if (connection.reusable() && !closed) {
        idle.offerFirst(connection);
      } else {
        discard(connection);
      }
      break;
    }
    byte[] body = response.body();
    if (response.head().status() != 200) {
      throw new RpcTransportException(
          endpoint
              + " answered HTTP "
              + response.head().status()
              + ": "
              + HttpWire.abbreviate(new String(body, StandardCharsets.UTF_8)));
    }
    try {
      return new Answer(ResponseReader.read(body), body);
    } catch (IOException e) {
      throw new RpcTransportException(
          endpoint
              + " answered with invalid JSON: "
              + HttpWire.abbreviate(new String(body, StandardCharsets.UTF_8)),
          e);
    }
  }

  private void discard(HttpConnection connection) {
    open.remove(connection);
    connection.close();
  }

  @Override
  public void close() {
    closed = true;
    threads.shutdownNow();
    // Closing the sockets ends the reads of requests still in flight, which then fail.
    open.forEach(this::discard);
    idle.clear();
  }
}
