package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.format.ReceiptJson;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * Submission shared by {@code eth_sendRawTransaction}, {@code eth_sendRawTransactionSync} and
 * {@code realtime_sendRawTransaction}: decode once at ingress, hand to the sink, and for the sync
 * variants wait for the mini-block that executes it.
 */
final class TransactionSubmitter {
  /** The pool answers in microseconds; this only bounds a wedged one. */
  private static final Duration ADMISSION_TIMEOUT = Duration.ofSeconds(10);

  private final TransactionSink sink;
  private final boolean allowUnprotected;
  private final Duration defaultTimeout;
  private final Duration maxTimeout;

  TransactionSubmitter(
      TransactionSink sink,
      boolean allowUnprotected,
      Duration defaultTimeout,
      Duration maxTimeout) {
    this.sink = sink;
    this.allowUnprotected = allowUnprotected;
    this.defaultTimeout = defaultTimeout;
    this.maxTimeout = maxTimeout;
  }

  Duration defaultTimeout() {
    return defaultTimeout;
  }

  /** Decodes and submits; the transaction hash once the pool accepted it. */
  Hash submit(Bytes raw) throws JsonRpcException {
    PooledTransaction tx;
    try {
      tx = TransactionDecoder.decodePooled(raw);
    } catch (RlpException e) {
      throw JsonRpcException.server(e.getMessage());
    }
    if (!allowUnprotected
        && tx.transaction() instanceof LegacyTransaction legacy
        && !legacy.isProtected()) {
      // A signature valid on every chain could be replayed here from anywhere: geth's default.
      throw JsonRpcException.server(
          "only replay-protected (EIP-155) transactions allowed over RPC");
    }
    SubmitResult result = await(sink.submit(tx), ADMISSION_TIMEOUT, "transaction admission");
    return switch (result) {
      case SubmitResult.Accepted accepted -> accepted.hash();
      case SubmitResult.Rejected rejected -> throw JsonRpcException.server(rejected.message());
    };
  }

  /**
   * Submits and waits up to {@code timeout} (capped) for the transaction's result; the receipt, or
   * EIP-7966's error 4 with the hash as data, so the caller can fall back to polling.
   */
  JsonNode submitAndWait(Bytes raw, Duration timeout) throws JsonRpcException {
    Duration wait = timeout.compareTo(maxTimeout) > 0 ? maxTimeout : timeout;
    long deadline = System.nanoTime() + wait.toNanos();
    Hash hash = submit(raw);
    CompletableFuture<TransactionResult> result = sink.awaitResult(hash);
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      return ReceiptJson.format(result.get(left, TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      result.cancel(false);
      throw JsonRpcException.withData(
          JsonRpcError.SYNC_TIMEOUT,
          "The transaction was added to the transaction pool but wasn't processed in "
              + wait.toMillis()
              + "ms.",
          Json.text(hash.toHexString()));
    } catch (InterruptedException e) {
      result.cancel(false);
      Thread.currentThread().interrupt();
      throw JsonRpcException.server("request interrupted: the server is stopping");
    } catch (ExecutionException e) {
      throw JsonRpcException.server(
          "transaction " + hash + " failed: " + e.getCause().getMessage());
    }
  }

  private static <T> T await(CompletableFuture<T> future, Duration timeout, String what)
      throws JsonRpcException {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw JsonRpcException.server(what + " timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JsonRpcException.server("request interrupted: the server is stopping");
    } catch (ExecutionException e) {
      throw JsonRpcException.server(what + " failed: " + e.getCause().getMessage());
    }
  }
}
