package org.megaeth.loadgen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.megaeth.loadgen.rpc.JsonRpcClient;
import org.megaeth.loadgen.rpc.RpcBatch;
import org.megaeth.loadgen.rpc.RpcCall;
import org.megaeth.loadgen.rpc.RpcResponse;
import org.megaeth.loadgen.rpc.RpcTransportException;

/**
 * Sends the pre-built requests in order, at most {@code concurrency} in flight, at {@code rate} per
 * second or as fast as the node answers, and records when each was sent and answered and how. With
 * a batch size over 1, consecutive requests go out together as one JSON-RPC batch, and each of them
 * counts as answered when the batch's response comes.
 */
final class Submitter {
  /** EIP-7966: the transaction is in the pool but was not executed within the call's timeout. */
  static final int SYNC_TIMEOUT_CODE = 4;

  /** What became of one request. */
  enum Outcome {
    /** Not answered (yet). */
    PENDING,
    /** {@code eth_sendRawTransaction} returned its hash. */
    ACCEPTED,
    /** {@code eth_sendRawTransactionSync} returned a receipt with status 1. */
    EXECUTED,
    /** {@code eth_sendRawTransactionSync} returned a receipt with status 0. */
    REVERTED,
    /** {@code eth_sendRawTransactionSync} timed out: the transaction is pooled, not executed. */
    SYNC_TIMEOUT,
    /** The node answered with an error: the transaction was not taken. */
    REFUSED,
    /** No JSON-RPC response: the connection failed or the request timed out. */
    NO_RESPONSE
  }

  /**
   * @param sentAtNanos per request, when it was handed to the client
   * @param answeredAtNanos per request, when its response (or failure) came
   * @param outcomes per request
   * @param errors how often each kind of error came, by a message with its numbers blanked, with
   *     one real message as an example
   */
  record Result(
      long[] sentAtNanos,
      long[] answeredAtNanos,
      Outcome[] outcomes,
      Map<String, ErrorCount> errors) {}

  /** How often an error came, and one of its messages as it was. */
  record ErrorCount(int count, String example) {}

  private final JsonRpcClient client;
  private final SubmitMethod method;
  private final List<RpcCall> calls;

  /** With a batch size over 1: the calls' batches, serialized here, before the clock starts. */
  private final List<RpcBatch> batches;

  private final int concurrency;
  private final int batch;
  private final double rate;
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();

  Submitter(
      JsonRpcClient client,
      SubmitMethod method,
      List<RpcCall> calls,
      int concurrency,
      int batch,
      double rate) {
    if (batch < 1 || batch > concurrency) {
      throw new IllegalArgumentException(
          "a batch of " + batch + " cannot be sent with " + concurrency + " in flight");
    }
    this.client = client;
    this.method = method;
    this.calls = calls;
    this.batches = new ArrayList<>();
    for (int first = 0; batch > 1 && first < calls.size(); first += batch) {
      batches.add(RpcBatch.of(calls.subList(first, Math.min(first + batch, calls.size()))));
    }
    this.concurrency = concurrency;
    this.batch = batch;
    this.rate = rate;
  }

  int sent() {
    return sent.get();
  }

  int answered() {
    return answered.get();
  }

  /** Sends everything and returns once every request has an answer or failed. */
  Result run() throws InterruptedException {
    int n = calls.size();
    long[] sentAt = new long[n];
    long[] answeredAt = new long[n];
    Outcome[] outcomes = new Outcome[n];
    Arrays.fill(outcomes, Outcome.PENDING);
    Map<String, ErrorCount> errors = new ConcurrentHashMap<>();
    Semaphore permits = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(n);
    long start = System.nanoTime();
    double intervalNanos = rate > 0 ? 1e9 / rate : 0;
    for (int first = 0; first < n; first += batch) {
      int size = Math.min(batch, n - first);
      if (rate > 0) {
        long due = start + (long) (first * intervalNanos);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      permits.acquire(size);
      long now = System.nanoTime();
      for (int i = first; i < first + size; i++) {
        sentAt[i] = now;
      }
      sent.addAndGet(size);
      int from = first;
      // One call alone is sent as itself, not as a batch of one: that is what --batch 1 means.
      CompletableFuture<List<RpcResponse>> responses =
          batch == 1
              ? client.send(calls.get(from)).thenApply(List::of)
              : client.sendBatch(batches.get(from / batch));
      responses.whenComplete(
          (answers, failure) -> {
            long at = System.nanoTime();
            for (int i = 0; i < size; i++) {
              answeredAt[from + i] = at;
              outcomes[from + i] =
                  outcome(failure == null ? answers.get(i) : null, failure, errors);
              done.countDown();
            }
            answered.addAndGet(size);
            permits.release(size);
          });
    }
    done.await();
    return new Result(sentAt, answeredAt, outcomes, Map.copyOf(errors));
  }

  private Outcome outcome(RpcResponse response, Throwable failure, Map<String, ErrorCount> errors) {
    if (failure != null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      count(
          errors,
          cause instanceof RpcTransportException ? cause.getMessage() : String.valueOf(cause));
      return Outcome.NO_RESPONSE;
    }
    return switch (response) {
      case RpcResponse.Result result -> {
        if (method == SubmitMethod.SEND) {
          yield Outcome.ACCEPTED;
        }
        String status = result.value().path("status").asText("");
        yield switch (status) {
          case "0x1" -> Outcome.EXECUTED;
          case "0x0" -> Outcome.REVERTED;
          default -> Outcome.ACCEPTED;
        };
      }
      case RpcResponse.Error error -> {
        count(errors, error.toString());
        yield method == SubmitMethod.SYNC && error.code() == SYNC_TIMEOUT_CODE
            ? Outcome.SYNC_TIMEOUT
            : Outcome.REFUSED;
      }
    };
  }

  private static void count(Map<String, ErrorCount> errors, String message) {
    // "nonce too low: next nonce 12, tx nonce 5" and its siblings are one kind of error.
    String kind = message.replaceAll("0x[0-9a-fA-F]+|\\d+", "N");
    errors.merge(
        kind, new ErrorCount(1, message), (a, b) -> new ErrorCount(a.count() + 1, a.example()));
  }
}
