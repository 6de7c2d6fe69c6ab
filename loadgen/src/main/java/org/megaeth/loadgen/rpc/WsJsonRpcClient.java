package org.megaeth.loadgen.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON-RPC over one or more WebSocket connections with the JDK's {@link WebSocket}. Requests are
 * spread over the connections in turn; responses are matched to requests by id, so any number can
 * be in flight on one connection (the node answers them in any order).
 */
public final class WsJsonRpcClient implements JsonRpcClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final Duration requestTimeout;
  private final ExecutorService executor;
  private final HttpClient http;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Thread timeouts;
  private volatile boolean open = true;
  private final List<Connection> connections = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  private WsJsonRpcClient(URI endpoint, Duration requestTimeout, int threads) {
    this.endpoint = endpoint;
    this.requestTimeout = requestTimeout;
    this.executor = Executors.newFixedThreadPool(threads, Threads.daemon("rpc-ws"));
    this.http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    this.timeouts = new Thread(this::expire, "rpc-ws-timeouts");
    this.timeouts.setDaemon(true);
  }

  /** A request waiting for its response, and when to give up on it. */
  private record Pending(CompletableFuture<RpcResponse> response, long deadlineNanos) {}

  /**
   * Opens {@code connections} WebSockets to {@code endpoint} ({@code ws://} or {@code wss://}).
   *
   * @throws RpcTransportException when a connection cannot be opened
   */
  public static WsJsonRpcClient connect(
      URI endpoint, int connections, Duration requestTimeout, int threads) {
    WsJsonRpcClient client = new WsJsonRpcClient(endpoint, requestTimeout, threads);
    client.timeouts.start();
    try {
      for (int i = 0; i < connections; i++) {
        client.connections.add(client.open());
      }
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return client;
  }

  private Connection open() {
    Connection connection = new Connection();
    try {
      connection.socket =
          http.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .buildAsync(endpoint, connection)
              .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcTransportException("interrupted while connecting to " + endpoint, e);
    } catch (Exception e) {
      throw new RpcTransportException(Failures.describe(endpoint, e), e);
    }
    return connection;
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public CompletableFuture<RpcResponse> send(RpcCall call) {
    CompletableFuture<RpcResponse> response = expect(call.id());
    connections.get(Math.floorMod(next.getAndIncrement(), connections.size())).enqueue(call.body());
    return response;
  }

  @Override
  public CompletableFuture<List<RpcResponse>> sendBatch(List<RpcCall> calls) {
    List<CompletableFuture<RpcResponse>> responses = new ArrayList<>(calls.size());
    StringBuilder body = new StringBuilder("[");
    for (RpcCall call : calls) {
      responses.add(expect(call.id()));
      body.append(body.length() > 1 ? "," : "").append(call.body());
    }
    connections
        .get(Math.floorMod(next.getAndIncrement(), connections.size()))
        .enqueue(body.append(']').toString());
    return CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> responses.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<RpcResponse> expect(long id) {
    CompletableFuture<RpcResponse> response = new CompletableFuture<>();
    Pending waiting = new Pending(response, System.nanoTime() + requestTimeout.toNanos());
    if (pending.putIfAbsent(id, waiting) != null) {
      throw new IllegalStateException("request id " + id + " is already in flight");
    }
    return response;
  }

  /**
   * Fails requests whose response did not come in time, so a lost response never holds its caller
   * (or a concurrency permit) forever. One sweep a few times a second rather than a timer per
   * request: at tens of thousands of requests a second, timers cost more than the sends.
   */
  private void expire() {
    long sweep = Math.max(1, Math.min(250, requestTimeout.toMillis() / 4));
    while (open) {
      try {
        Thread.sleep(sweep);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Map.Entry<Long, Pending> entry : pending.entrySet()) {
        if (now - entry.getValue().deadlineNanos() > 0 && pending.remove(entry.getKey()) != null) {
          entry
              .getValue()
              .response()
              .completeExceptionally(
                  new RpcTransportException(
                      endpoint + " did not answer request " + entry.getKey() + " in time"));
        }
      }
    }
  }

  private void dispatch(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      return; // not JSON: nothing to match it to
    }
    if (message.isArray()) {
      message.forEach(this::dispatchOne);
    } else {
      dispatchOne(message);
    }
  }

  private void dispatchOne(JsonNode message) {
    JsonNode id = message.get("id");
    if (id == null || !id.canConvertToLong()) {
      return; // a subscription notification, or an error about a request we cannot identify
    }
    Pending waiting = pending.remove(id.asLong());
    if (waiting != null) {
      waiting.response().complete(RpcResponse.of(message));
    }
  }

  private void failAll(String reason) {
    RpcTransportException failure = new RpcTransportException(reason);
    for (Long id : List.copyOf(pending.keySet())) {
      Pending waiting = pending.remove(id);
      if (waiting != null) {
        waiting.response().completeExceptionally(failure);
      }
    }
  }

  @Override
  public void close() {
    open = false;
    timeouts.interrupt();
    for (Connection connection : connections) {
      connection.close();
    }
    failAll("the client was closed");
    http.shutdownNow();
    executor.shutdownNow();
  }

  /**
   * One WebSocket. The JDK's socket takes one outgoing message at a time: whoever finds it idle
   * sends, and each completed send starts the next queued one, so no thread waits and no writer
   * thread is handed every message. Incoming text may arrive in parts and is joined before it is
   * parsed.
   */
  private final class Connection implements WebSocket.Listener {
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;

    void enqueue(String text) {
      if (closed) {
        failAll(endpoint + " closed the WebSocket");
        return;
      }
      outbox.add(text);
      drain();
    }

    private void drain() {
      while (!outbox.isEmpty() && sending.compareAndSet(false, true)) {
        String text = outbox.poll();
        if (text == null) {
          sending.set(false);
          continue;
        }
        CompletableFuture<WebSocket> sent;
        try {
          sent = socket.sendText(text, true);
        } catch (RuntimeException e) {
          sending.set(false);
          broken(e);
          return;
        }
        if (!sent.isDone()) {
          sent.whenComplete(
              (ignored, failure) -> {
                sending.set(false);
                if (failure != null) {
                  broken(failure);
                } else {
                  drain();
                }
              });
          return;
        }
        sending.set(false);
        if (sent.isCompletedExceptionally()) {
          sent.exceptionally(
              failure -> {
                broken(failure);
                return null;
              });
          return;
        }
      }
    }

    private void broken(Throwable failure) {
      closed = true;
      outbox.clear();
      failAll(Failures.describe(endpoint, failure));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (last && partial.isEmpty()) {
        dispatch(data.toString());
      } else {
        partial.append(data);
        if (last) {
          String text = partial.toString();
          partial.setLength(0);
          dispatch(text);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed = true;
      failAll(endpoint + " closed the WebSocket (" + statusCode + " " + reason + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed = true;
      failAll(Failures.describe(endpoint, error));
    }

    void close() {
      closed = true;
      WebSocket ws = socket;
      if (ws != null) {
        try {
          // A polite close frame first, so the node does not log a dropped connection.
          ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          // The connection is going away either way.
        }
        ws.abort();
      }
    }
  }
}
