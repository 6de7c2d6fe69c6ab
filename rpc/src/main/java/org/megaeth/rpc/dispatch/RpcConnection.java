package org.megaeth.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The client connection a request arrived on, as methods see it: whether it can receive
 * notifications (WebSocket) and how to send them.
 */
public interface RpcConnection {

  /** Identifies the client connection (0 for HTTP): subscriptions belong to one. */
  long id();

  /** Whether this connection can push notifications; HTTP cannot. */
  boolean canPush();

  /**
   * Queues a notification for sending, in order. Never blocks: a connection whose queue is full is
   * closed (a slow consumer must not stall the node), and then this returns false, as it does on a
   * closed connection.
   */
  boolean push(JsonNode notification);

  /** Closes the connection, telling the client why (a WebSocket close reason); idempotent. */
  void close(String reason);

  /** Runs {@code action} once when the connection closes (at once if it is closed already). */
  void onClose(Runnable action);

  /**
   * Runs {@code action} once the response to the message being processed is queued: a subscription
   * starts there, so that no notification of it can overtake the response that names its id.
   */
  void afterResponse(Runnable action);

  /** A connection for requests that cannot receive notifications (HTTP). */
  RpcConnection HTTP =
      new RpcConnection() {
        @Override
        public long id() {
          return 0;
        }

        @Override
        public boolean canPush() {
          return false;
        }

        @Override
        public boolean push(JsonNode notification) {
          return false;
        }

        @Override
        public void close(String reason) {
          // Nothing to close: the HTTP exchange ends with its response.
        }

        @Override
        public void onClose(Runnable action) {
          // An HTTP request owns nothing that outlives it.
        }

        @Override
        public void afterResponse(Runnable action) {
          action.run();
        }
      };
}
