package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.megaeth.rpc.dispatch.AsyncJsonRpcMethod;
import org.megaeth.rpc.dispatch.RpcMethod;
import org.megaeth.rpc.dispatch.RpcRequest;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.HexParser;
import org.megaeth.rpc.params.Params;

/**
 * {@code eth_sendRawTransactionSync} (EIP-7966), and under MegaETH's name {@code
 * realtime_sendRawTransaction}: submits and returns the receipt as soon as the transaction's
 * mini-block is out, without {@code blockHash} until the block is sealed. The optional second
 * parameter is the timeout in milliseconds (a number or a quantity), capped by the node's limit.
 */
public final class EthSendRawTransactionSync implements AsyncJsonRpcMethod {
  private final RpcMethod name;
  private final TransactionSubmitter submitter;

  EthSendRawTransactionSync(RpcMethod name, TransactionSubmitter submitter) {
    this.name = name;
    this.submitter = submitter;
  }

  @Override
  public RpcMethod method() {
    return name;
  }

  @Override
  public Started start(RpcRequest request, CompletableFuture<?> after) throws JsonRpcException {
    Params params = request.params().atMost(2);
    var raw = params.data(0);
    Optional<JsonNode> timeoutNode = params.optional(1);
    Duration timeout =
        timeoutNode.isEmpty()
            ? submitter.defaultTimeout()
            : Duration.ofMillis(params.parse(1, () -> HexParser.hexOrDecimal(timeoutNode.get())));
    return submitter.submitAndWait(raw, timeout, after);
  }
}
