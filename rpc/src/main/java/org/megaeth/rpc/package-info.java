/** JSON-RPC 2.0 server over HTTP and WebSocket. */
package org.megaeth.rpc;
