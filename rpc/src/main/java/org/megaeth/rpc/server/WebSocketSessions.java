package org.megaeth.rpc.server;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open WebSocket connections, so that a stopping server can say goodbye to each. */
final class WebSocketSessions {
  private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();

  void add(WebSocketConnection connection) {
    open.add(connection);
    connection.onClose(() -> open.remove(connection));
  }

  int size() {
    return open.size();
  }

  void closeAll(String reason) {
    for (WebSocketConnection connection : Set.copyOf(open)) {
      connection.closeWith(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), reason);
    }
  }
}
