package org.megaeth.rpc.method.eth;

import java.util.concurrent.CompletableFuture;
import org.megaeth.rpc.dispatch.AsyncJsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.JsonRpcException;

/** {@code eth_sendRawTransaction}: the hash once the pool took it; its refusal in geth's words. */
public final class EthSendRawTransaction implements AsyncJsonRpcMethod {
  private final TransactionSubmitter submitter;

  EthSendRawTransaction(TransactionSubmitter submitter) {
    this.submitter = submitter;
  }

  @Override
  public RpcMethod method() {
    return RpcMethod.ETH_SEND_RAW_TRANSACTION;
  }

  @Override
  public Started start(RpcRequest request, CompletableFuture<?> after) throws JsonRpcException {
    return submitter.submit(request.params().atMost(1).data(0), after);
  }
}
