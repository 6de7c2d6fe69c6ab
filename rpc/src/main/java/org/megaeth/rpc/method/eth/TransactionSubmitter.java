package org.megaeth.rpc.method.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.dispatch.AsyncJsonRpcMethod;
import org.megaeth.rpc.dispatch.AsyncJsonRpcMethod.Started;
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
  private static final Duration ADMISSION_LIMIT = Duration.ofSeconds(10);

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

  /**
   * Decodes and submits; the answer is the transaction's hash once the pool accepted it, or its
   * refusal in geth's words.
   *
   * @throws JsonRpcException at once when the bytes are not a transaction this node takes
   */
  Started submit(Bytes raw, CompletableFuture<?> after) throws JsonRpcException {
    CompletableFuture<Hash> admitted = admit(decode(raw), after);
    return new Started(
        admitted.thenApply(hash -> Json.text(hash.toHexString())),
        applied(admitted),
        System.nanoTime() + ADMISSION_LIMIT.toNanos(),
        TransactionSubmitter::admissionTimedOut);
  }

  /**
   * Submits and waits up to {@code timeout} (capped) for the transaction's result; the answer is
   * the receipt, or after the timeout EIP-7966's error 4 with the hash as data, so the caller can
   * fall back to polling.
   *
   * @throws JsonRpcException at once when the bytes are not a transaction this node takes
   */
  Started submitAndWait(Bytes raw, Duration timeout, CompletableFuture<?> after)
      throws JsonRpcException {
    Duration wait = timeout.compareTo(maxTimeout) > 0 ? maxTimeout : timeout;
    long deadline = System.nanoTime() + wait.toNanos();
    PooledTransaction tx = decode(raw);
    // The sink's future may be shared by every caller waiting on this hash: it is cancelled (and so
    // dropped by the sink) only once this caller's time is up.
    AtomicReference<CompletableFuture<TransactionResult>> waiter = new AtomicReference<>();
    CompletableFuture<Hash> admitted = admit(tx, after);
    CompletableFuture<JsonNode> answer =
        admitted.thenCompose(
            hash -> {
              CompletableFuture<TransactionResult> result = sink.awaitResult(hash);
              waiter.set(result);
              return result.handle(
                  (executed, failure) -> {
                    if (failure != null) {
                      throw new CompletionException(
                          JsonRpcException.server(
                              "transaction "
                                  + hash
                                  + " failed: "
                                  + AsyncJsonRpcMethod.cause(failure).getMessage()));
                    }
                    return ReceiptJson.format(executed);
                  });
            });
    return new Started(
        answer,
        applied(admitted),
        deadline,
        () -> {
          CompletableFuture<TransactionResult> result = waiter.get();
          if (result == null) {
            return admissionTimedOut();
          }
          result.cancel(false);
          return JsonRpcException.withData(
              JsonRpcError.SYNC_TIMEOUT,
              "The transaction was added to the transaction pool but wasn't processed in "
                  + wait.toMillis()
                  + "ms.",
              Json.text(tx.transaction().hash().toHexString()));
        });
  }

  private PooledTransaction decode(Bytes raw) throws JsonRpcException {
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
    return tx;
  }

  /** Completes once the pool answered, whatever it answered. */
  private static CompletableFuture<?> applied(CompletableFuture<Hash> admitted) {
    return admitted.handle((hash, failure) -> null);
  }

  /**
   * Hands the transaction to the pool after {@code after}: its hash once accepted, or the refusal.
   */
  private CompletableFuture<Hash> admit(PooledTransaction tx, CompletableFuture<?> after) {
    return sink.submit(tx, after)
        .handle(
            (result, failure) -> {
              if (failure != null) {
                throw new CompletionException(
                    JsonRpcException.server(
                        "transaction admission failed: "
                            + AsyncJsonRpcMethod.cause(failure).getMessage()));
              }
              return switch (result) {
                case SubmitResult.Accepted accepted -> accepted.hash();
                case SubmitResult.Rejected rejected ->
                    throw new CompletionException(JsonRpcException.server(rejected.message()));
              };
            });
  }

  private static JsonRpcException admissionTimedOut() {
    return JsonRpcException.server("transaction admission timed out");
  }
}
