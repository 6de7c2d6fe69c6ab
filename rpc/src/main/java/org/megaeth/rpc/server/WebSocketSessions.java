package org.megaeth.rpc.server;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open WebSocket connections, so that a stopping server can say goodbye to each, and how many
 * were closed for reading too slowly (for metrics).
 */
final class WebSocketSessions {
  private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong droppedSlow = new AtomicLong();

  void add(WebSocketConnection connection) {
    open.add(connection);
    connection.onClose(() -> open.remove(connection));
  }

  int size() {
    return open.size();
  }

  void droppedSlow() {
    droppedSlow.incrementAndGet();
  }

  long droppedSlowCount() {
    return droppedSlow.get();
  }

  void closeAll(String reason) {
    for (WebSocketConnection connection : Set.copyOf(open)) {
      connection.closeWith(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), reason);
    }
  }
}
