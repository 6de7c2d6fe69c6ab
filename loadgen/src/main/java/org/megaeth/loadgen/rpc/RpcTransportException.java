package org.megaeth.loadgen.rpc;

/**
 * The request did not get a JSON-RPC response: the endpoint is unreachable, closed the connection,
 * answered with an HTTP error or with something that is not JSON-RPC.
 */
public final class RpcTransportException extends RuntimeException {
  public RpcTransportException(String message) {
    super(message);
  }

  public RpcTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
