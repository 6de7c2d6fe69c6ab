package org.megaeth.loadgen.rpc;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON-RPC over one or more WebSocket connections ({@link WebSocketConnection}). Requests are
 * spread over the connections in turn and written by the caller's thread; each connection's reader
 * thread parses what comes back and completes the matching futures. Responses are matched to
 * requests by id, so any number can be in flight on one connection (the node answers them in any
 * order).
 */
public final class WsJsonRpcClient implements JsonRpcClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI endpoint;
  private final Duration requestTimeout;
  private final Map<Long, Waiter> pending = new ConcurrentHashMap<>();
  private final Thread timeouts;
  private volatile boolean open = true;
  private final List<WebSocketConnection> connections = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  private WsJsonRpcClient(URI endpoint, Duration requestTimeout) {
    this.endpoint = endpoint;
    this.requestTimeout = requestTimeout;
    this.timeouts = new Thread(this::expire, "rpc-ws-timeouts");
    this.timeouts.setDaemon(true);
  }

  /** A message waiting for its answer, and when to give up on it. */
  private sealed interface Waiter {
    long deadlineNanos();

    void fail(Throwable failure);
  }

  /** One call sent alone, waiting under its id. */
  private record Single(CompletableFuture<RpcResponse> response, long deadlineNanos)
      implements Waiter {
    @Override
    public void fail(Throwable failure) {
      response.completeExceptionally(failure);
    }
  }

  /**
   * A batch, waiting under its first call's id only: the node answers a batch with one array, so
   * any of the batch's ids found in an array finds the whole batch, and a batch of 64 costs one
   * entry in the map, not 64.
   */
  private record Batch(
      RpcBatch batch, CompletableFuture<List<RpcResponse>> responses, long deadlineNanos)
      implements Waiter {
    @Override
    public void fail(Throwable failure) {
      responses.completeExceptionally(failure);
    }
  }

  /**
   * Opens {@code connections} WebSockets to {@code endpoint} ({@code ws://} or {@code wss://}).
   *
   * @throws RpcTransportException when a connection cannot be opened
   */
  public static WsJsonRpcClient connect(URI endpoint, int connections, Duration requestTimeout) {
    WsJsonRpcClient client = new WsJsonRpcClient(endpoint, requestTimeout);
    client.timeouts.start();
    try {
      for (int i = 0; i < connections; i++) {
        client.connections.add(client.open(i + 1));
      }
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return client;
  }

  private WebSocketConnection open(int number) {
    WebSocketConnection.Listener listener =
        new WebSocketConnection.Listener() {
          @Override
          public void onMessage(byte[] utf8) {
            dispatch(utf8);
          }

          @Override
          public void onClosed(String reason) {
            failAll(reason);
          }
        };
    try {
      return WebSocketConnection.open(endpoint, CONNECT_TIMEOUT, listener, "rpc-ws-" + number);
    } catch (IOException e) {
      throw new RpcTransportException(Failures.describe(endpoint, e), e);
    }
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public CompletableFuture<RpcResponse> send(RpcCall call) {
    CompletableFuture<RpcResponse> response = new CompletableFuture<>();
    Single waiter = new Single(response, deadline());
    expect(call.id(), waiter);
    write(call.id(), waiter, call.body());
    return response;
  }

  @Override
  public CompletableFuture<List<RpcResponse>> sendBatch(RpcBatch batch) {
    CompletableFuture<List<RpcResponse>> responses = new CompletableFuture<>();
    Batch waiter = new Batch(batch, responses, deadline());
    expect(batch.id(0), waiter);
    write(batch.id(0), waiter, batch.body());
    return responses;
  }

  private long deadline() {
    return System.nanoTime() + requestTimeout.toNanos();
  }

  private void expect(long id, Waiter waiter) {
    if (pending.putIfAbsent(id, waiter) != null) {
      throw new IllegalStateException("request id " + id + " is already in flight");
    }
  }

  /** Writes on the caller's thread; a connection that cannot be written fails its waiter. */
  private void write(long id, Waiter waiter, String body) {
    WebSocketConnection connection =
        connections.get(Math.floorMod(next.getAndIncrement(), connections.size()));
    try {
      connection.sendText(body);
    } catch (IOException e) {
      if (pending.remove(id, waiter)) {
        waiter.fail(new RpcTransportException(Failures.describe(endpoint, e), e));
      }
    }
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
      for (Map.Entry<Long, Waiter> entry : pending.entrySet()) {
        if (now - entry.getValue().deadlineNanos() > 0 && pending.remove(entry.getKey()) != null) {
          entry
              .getValue()
              .fail(
                  new RpcTransportException(
                      endpoint + " did not answer request " + entry.getKey() + " in time"));
        }
      }
    }
  }

  private void dispatch(byte[] text) {
    ResponseReader.Message message;
    try {
      message = ResponseReader.read(text);
    } catch (IOException e) {
      return; // not JSON: nothing to match it to
    }
    for (RpcResponse response : message.responses()) {
      Waiter waiter = pending.remove(response.id());
      if (waiter instanceof Single single) {
        single.response().complete(response);
      } else if (waiter instanceof Batch batch) {
        try {
          batch.responses().complete(batch.batch().inCallOrder(message.responses(), endpoint));
        } catch (RpcTransportException e) {
          batch.responses().completeExceptionally(e);
        }
        if (message.batch()) {
          return; // the array answers this batch and nothing else
        }
      }
    }
  }

  private void failAll(String reason) {
    RpcTransportException failure = new RpcTransportException(reason);
    for (Long id : List.copyOf(pending.keySet())) {
      Waiter waiter = pending.remove(id);
      if (waiter != null) {
        waiter.fail(failure);
      }
    }
  }

  @Override
  public void close() {
    open = false;
    timeouts.interrupt();
    for (WebSocketConnection connection : connections) {
      connection.close();
    }
    failAll("the client was closed");
  }
}
