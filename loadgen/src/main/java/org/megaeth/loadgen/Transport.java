package org.megaeth.loadgen;

/** How the load reaches the node. */
public enum Transport {
  /** HTTP/1.1 POSTs on kept-alive connections, one per request in flight. */
  HTTP,
  /** Requests multiplexed on WebSocket connections, matched to responses by id. */
  WS
}
