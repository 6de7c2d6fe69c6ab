package org.megaeth.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * One JSON-RPC method. Implementations are final classes named after the method ({@code
 * EthGetBalance}), with their dependencies (narrow read interfaces) passed to the constructor.
 *
 * <p>{@link #execute} runs on a request thread (a virtual thread), never on a Netty event loop, so
 * it may block briefly; EVM work goes to the bounded EVM executor.
 */
public interface JsonRpcMethod {

  RpcMethod method();

  /**
   * Answers one request.
   *
   * @return the {@code result} member (a JSON null for "not found")
   * @throws JsonRpcException for an answer that is an error
   */
  JsonNode execute(RpcRequest request) throws JsonRpcException;
}
