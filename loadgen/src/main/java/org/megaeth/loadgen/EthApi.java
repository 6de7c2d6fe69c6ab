package org.megaeth.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.loadgen.rpc.JsonRpcClient;
import org.megaeth.loadgen.rpc.RpcBatch;
import org.megaeth.loadgen.rpc.RpcCall;
import org.megaeth.loadgen.rpc.RpcResponse;
import org.megaeth.loadgen.rpc.RpcTransportException;

/**
 * The standard {@code eth_*} calls the run needs, blocking and typed, over any node. Every failure
 * becomes a {@link LoadGenException} that says which call failed and why.
 */
final class EthApi {
  /** Calls per JSON-RPC batch: below every node's batch limit (ours 1,000, geth 1,000). */
  static final int BATCH = 100;

  private final JsonRpcClient client;

  EthApi(JsonRpcClient client) {
    this.client = client;
  }

  JsonRpcClient client() {
    return client;
  }

  /** The result of {@code method}; an error response is a {@link LoadGenException}. */
  JsonNode call(String method, Object... params) throws LoadGenException {
    RpcResponse response = await(client.call(method, List.of(params)), method);
    return switch (response) {
      case RpcResponse.Result result -> result.value();
      case RpcResponse.Error error ->
          throw new LoadGenException(client.endpoint() + " refused " + method + ": " + error);
    };
  }

  /** The raw response, errors included, for callers that tell errors apart. */
  RpcResponse callRaw(String method, Object... params) throws LoadGenException {
    return await(client.call(method, List.of(params)), method);
  }

  long chainId() throws LoadGenException {
    return quantity(call("eth_chainId"), "eth_chainId").toLongExact();
  }

  /** {@code web3_clientVersion}, or "unknown" where the node does not offer it. */
  String clientVersion() throws LoadGenException {
    RpcResponse response = callRaw("web3_clientVersion");
    return response instanceof RpcResponse.Result result && result.value().isTextual()
        ? result.value().asText()
        : "unknown";
  }

  long blockNumber() throws LoadGenException {
    return quantity(call("eth_blockNumber"), "eth_blockNumber").toLongExact();
  }

  /** The transaction hashes of block {@code number}; empty when the node does not have it yet. */
  Optional<List<Hash>> blockTransactions(long number) throws LoadGenException {
    JsonNode block = call("eth_getBlockByNumber", quantity(number), false);
    if (block.isNull()) {
      return Optional.empty();
    }
    List<Hash> hashes = new ArrayList<>();
    for (JsonNode tx : block.path("transactions")) {
      hashes.add(Hash.fromHex(tx.isTextual() ? tx.asText() : tx.path("hash").asText()));
    }
    return Optional.of(hashes);
  }

  /**
   * The next block's base fee: the last entry of {@code eth_feeHistory}'s {@code baseFeePerGas}.
   */
  Wei nextBaseFee() throws LoadGenException {
    RpcResponse history = callRaw("eth_feeHistory", "0x1", "latest", List.of());
    if (history instanceof RpcResponse.Result result
        && result.value().path("baseFeePerGas").isArray()
        && !result.value().path("baseFeePerGas").isEmpty()) {
      JsonNode fees = result.value().path("baseFeePerGas");
      return Wei.of(quantity(fees.get(fees.size() - 1), "eth_feeHistory"));
    }
    // Nodes without fee history: the latest block's base fee is close enough.
    JsonNode latest = call("eth_getBlockByNumber", "latest", false);
    JsonNode baseFee = latest.path("baseFeePerGas");
    return baseFee.isTextual() ? Wei.of(quantity(baseFee, "baseFeePerGas")) : Wei.ZERO;
  }

  /** {@code eth_maxPriorityFeePerGas}; empty where the node does not offer it. */
  Optional<Wei> maxPriorityFee() throws LoadGenException {
    RpcResponse response = callRaw("eth_maxPriorityFeePerGas");
    return response instanceof RpcResponse.Result result && result.value().isTextual()
        ? Optional.of(Wei.of(quantity(result.value(), "eth_maxPriorityFeePerGas")))
        : Optional.empty();
  }

  Wei gasPrice() throws LoadGenException {
    return Wei.of(quantity(call("eth_gasPrice"), "eth_gasPrice"));
  }

  /** {@code eth_estimateGas} of a call from {@code from}; {@code to} empty for a creation. */
  long estimateGas(Address from, Optional<Address> to, Bytes data) throws LoadGenException {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("from", from.toHexString());
    to.ifPresent(address -> call.put("to", address.toHexString()));
    call.put("data", Hex.encode(data.toArrayUnsafe()));
    return quantity(call("eth_estimateGas", call), "eth_estimateGas").toLongExact();
  }

  Hash sendRawTransaction(Bytes raw) throws LoadGenException {
    JsonNode hash = call("eth_sendRawTransaction", Hex.encode(raw.toArrayUnsafe()));
    return Hash.fromHex(hash.asText());
  }

  /** The receipts of {@code hashes}, in order; empty where the node has none yet. */
  List<Optional<JsonNode>> receipts(List<Hash> hashes) throws LoadGenException {
    return batch(
        hashes,
        hash -> RpcCall.control("eth_getTransactionReceipt", List.of(hash.toHexString())),
        node -> node.isNull() ? Optional.empty() : Optional.of(node),
        "eth_getTransactionReceipt");
  }

  List<Wei> balances(List<Address> accounts) throws LoadGenException {
    return batch(
        accounts,
        account -> RpcCall.control("eth_getBalance", List.of(account.toHexString(), "latest")),
        node -> Wei.of(quantity(node, "eth_getBalance")),
        "eth_getBalance");
  }

  /** Each account's next nonce, counting transactions the node holds in its pool. */
  List<Long> nonces(List<Address> accounts) throws LoadGenException {
    return batch(
        accounts,
        account ->
            RpcCall.control("eth_getTransactionCount", List.of(account.toHexString(), "pending")),
        node -> quantity(node, "eth_getTransactionCount").toLongExact(),
        "eth_getTransactionCount");
  }

  /** {@code token.balanceOf(owner)} for each owner, at the latest block. */
  List<UInt256> tokenBalances(Address token, List<Address> owners) throws LoadGenException {
    return batch(
        owners,
        owner ->
            RpcCall.control(
                "eth_call",
                List.of(
                    Map.of(
                        "to",
                        token.toHexString(),
                        "data",
                        Hex.encode(Erc20.balanceOf(owner).toArrayUnsafe())),
                    "latest")),
        node -> quantity(node, "eth_call balanceOf"),
        "eth_call balanceOf");
  }

  private <T, R> List<R> batch(
      List<T> items, Function<T, RpcCall> request, CheckedFunction<JsonNode, R> result, String what)
      throws LoadGenException {
    List<R> out = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += BATCH) {
      List<RpcCall> calls =
          items.subList(from, Math.min(items.size(), from + BATCH)).stream().map(request).toList();
      List<RpcResponse> responses = await(client.sendBatch(RpcBatch.of(calls)), what);
      for (RpcResponse response : responses) {
        switch (response) {
          case RpcResponse.Result r -> out.add(result.apply(r.value()));
          case RpcResponse.Error e ->
              throw new LoadGenException(client.endpoint() + " refused " + what + ": " + e);
        }
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface CheckedFunction<T, R> {
    R apply(T value) throws LoadGenException;
  }

  private <T> T await(CompletableFuture<T> future, String what) throws LoadGenException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadGenException("interrupted during " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RpcTransportException transport) {
        throw new LoadGenException(transport.getMessage(), transport);
      }
      throw new LoadGenException(what + " failed: " + e.getCause(), e.getCause());
    }
  }

  /** A JSON-RPC quantity ({@code "0x1a"}); a malformed one is the node's fault, said plainly. */
  UInt256 quantity(JsonNode node, String what) throws LoadGenException {
    if (!node.isTextual() || !Hex.hasPrefix(node.asText())) {
      throw new LoadGenException(
          client.endpoint() + " answered " + what + " with " + node + ", not a hex quantity");
    }
    try {
      return UInt256.fromHexString(node.asText());
    } catch (RuntimeException e) {
      throw new LoadGenException(
          client.endpoint() + " answered " + what + " with " + node + ", not a hex quantity");
    }
  }

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }
}
