package org.megaeth.loadgen.rpc;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A JSON-RPC 2.0 client over one transport. Calls are asynchronous so that one thread can keep many
 * in flight; a future fails with {@link RpcTransportException} when no response came.
 */
public interface JsonRpcClient extends AutoCloseable {
  /** Sends one request; completes with its response. */
  CompletableFuture<RpcResponse> send(RpcCall call);

  /** Sends the calls as one JSON-RPC batch; completes with the responses in the calls' order. */
  CompletableFuture<List<RpcResponse>> sendBatch(RpcBatch batch);

  /** The endpoint, for messages. */
  URI endpoint();

  /** A request with a fresh id of its own (see {@link RpcCall#control}). */
  default CompletableFuture<RpcResponse> call(String method, List<?> params) {
    return send(RpcCall.control(method, params));
  }

  @Override
  void close();
}
