package org.megaeth.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.megaeth.rpc.json.Json;

/**
 * One WebSocket client's outbound side: responses and notifications go through one bounded queue,
 * in the order they were queued, and are written while the channel is writable. A client that reads
 * too slowly lets the queue fill; it is then closed with status 1008 and a reason, and whatever was
 * queued is dropped, so it costs the node a bounded amount of memory and never blocks a producer.
 *
 * <p>Thread-safe: anyone may queue; writing happens on the channel's event loop.
 */
final class WebSocketConnection implements RpcConnection {
  /** How long a closing client gets to take the close frame before the socket is cut. */
  private static final long CLOSE_GRACE_MILLIS = 1_000;

  private static final AtomicLong IDS = new AtomicLong();

  private final long id = IDS.incrementAndGet();
  private final Channel channel;
  private final int maxPending;
  private final Runnable onDroppedSlow;

  /** UTF-8 JSON text, one message each. */
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();

  private final List<Runnable> closeActions = new ArrayList<>();
  private boolean drainScheduled;
  private boolean closed;

  WebSocketConnection(Channel channel, int maxPending) {
    this(channel, maxPending, () -> {});
  }

  /**
   * @param onDroppedSlow runs once if the client is closed for reading too slowly (for metrics)
   */
  WebSocketConnection(Channel channel, int maxPending, Runnable onDroppedSlow) {
    this.channel = channel;
    this.maxPending = maxPending;
    this.onDroppedSlow = onDroppedSlow;
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public boolean canPush() {
    return true;
  }

  @Override
  public boolean push(JsonNode notification) {
    return send(Json.toBytes(notification));
  }

  boolean send(String text) {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Queues one text message, already UTF-8 (as the serializer wrote it: no round trip through a
   * {@code String}, which cost 5% of the request threads); false when closed or (then closing) over
   * the limit.
   */
  boolean send(byte[] utf8) {
    boolean schedule;
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (queue.size() >= maxPending) {
        closeSlow();
        return false;
      }
      queue.addLast(utf8);
      schedule = !drainScheduled;
      drainScheduled = true;
    }
    if (schedule) {
      channel.eventLoop().execute(this::drain);
    }
    return true;
  }

  /** Writes queued messages while the channel takes them; on the event loop. */
  void drain() {
    boolean wrote = false;
    while (channel.isWritable()) {
      byte[] next;
      synchronized (this) {
        next = queue.pollFirst();
        if (next == null) {
          drainScheduled = false;
          break;
        }
      }
      channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(next)));
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
    // Not writable with messages left: channelWritabilityChanged calls drain again.
  }

  /** Queued messages not yet handed to the channel (for tests and metrics). */
  synchronized int pending() {
    return queue.size();
  }

  private void closeSlow() {
    int dropped;
    synchronized (this) {
      if (closed) {
        return;
      }
      dropped = queue.size();
    }
    onDroppedSlow.run();
    closeWith(
        WebSocketCloseStatus.POLICY_VIOLATION.code(),
        "client too slow: " + dropped + " messages not read");
  }

  /**
   * Closes the connection with a close frame (server shutdown, overflow); idempotent. The client
   * gets a moment to read the frame, then the socket is cut either way.
   */
  void closeWith(int status, String reason) {
    if (!markClosed()) {
      return;
    }
    channel
        .writeAndFlush(new CloseWebSocketFrame(status, reason))
        .addListener(
            f ->
                channel
                    .eventLoop()
                    .schedule(
                        () -> {
                          channel.close();
                        },
                        CLOSE_GRACE_MILLIS,
                        TimeUnit.MILLISECONDS));
  }

  /** The channel closed: drop what is queued and run the close actions, once. */
  void closed() {
    markClosed();
  }

  /** Marks the connection closed and runs the close actions; false if it already was. */
  private boolean markClosed() {
    List<Runnable> actions;
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      queue.clear();
      actions = List.copyOf(closeActions);
      closeActions.clear();
    }
    // Outside the lock: the actions unsubscribe from managers that take their own locks.
    for (Runnable action : actions) {
      action.run();
    }
    return true;
  }

  /** Requests are processed through a per-message scope, which defers this; here it is direct. */
  @Override
  public void afterResponse(Runnable action) {
    action.run();
  }

  @Override
  public void close(String reason) {
    closeWith(WebSocketCloseStatus.POLICY_VIOLATION.code(), reason);
  }

  @Override
  public void onClose(Runnable action) {
    boolean runNow;
    synchronized (this) {
      runNow = closed;
      if (!runNow) {
        closeActions.add(action);
      }
    }
    if (runNow) {
      action.run();
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }
}
