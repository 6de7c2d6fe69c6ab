/**
 * The method registry and the JSON-RPC 2.0 processor: envelopes, batches, notifications, errors.
 * Transport-free: the HTTP and WebSocket handlers hand it bytes and get bytes back.
 */
package org.megaeth.rpc.dispatch;
