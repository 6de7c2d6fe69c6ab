/**
 * The Netty server: one port for HTTP POST and WebSocket upgrade, host and origin checks, CORS,
 * size limits, keep-alive, and per-connection outbound queues for WebSocket.
 */
package org.megaeth.rpc.server;
