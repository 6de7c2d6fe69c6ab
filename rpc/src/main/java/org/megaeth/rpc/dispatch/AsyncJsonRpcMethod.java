package org.megaeth.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * A method whose answer waits on another thread: the transaction pool's admission, or the
 * mini-block that executes a transaction. {@link #start} hands the work over and returns at once,
 * so that the calls of one batch wait together: a batch of 100 transactions then costs its request
 * thread one wait instead of 100 in a row. A single call still just waits ({@link #execute}).
 *
 * <p>The future completes with the {@code result} member, or fails with a {@link JsonRpcException}
 * for an answer that is an error. Waits that are part of the method's answer (EIP-7966's timeout)
 * are the method's to bound; callers give up after {@link #timeLimit}, which only a wedged node
 * reaches. (No timer per call: on JDK 25 each {@code orTimeout} costs a scheduler thread ~5 µs.)
 * Whatever completes it may be a pool or production thread, so work attached to it must be small;
 * the response is written on the request thread.
 */
public interface AsyncJsonRpcMethod extends JsonRpcMethod {

  /**
   * Starts answering one request.
   *
   * @throws JsonRpcException at once for what needs no waiting: bad parameters, undecodable bytes
   */
  CompletableFuture<JsonNode> start(RpcRequest request) throws JsonRpcException;

  /** How long a caller waits for a started call before it answers that the call timed out. */
  Duration timeLimit();

  @Override
  default JsonNode execute(RpcRequest request) throws JsonRpcException {
    return await(start(request), System.nanoTime() + timeLimit().toNanos());
  }

  /**
   * The result of a started call, on the request thread; past {@code deadlineNanos} ({@link
   * System#nanoTime}) the call is cancelled and answered with a server error.
   */
  static JsonNode await(CompletableFuture<JsonNode> result, long deadlineNanos)
      throws JsonRpcException {
    try {
      return result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      result.cancel(false);
      throw JsonRpcException.server("timed out: the node did not answer in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JsonRpcException.server("request interrupted: the server is stopping");
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (CancellationException e) {
      throw failure(e);
    }
  }

  /**
   * What a failed call answers: its {@link JsonRpcException}; anything else is a bug and surfaces
   * as the dispatcher's internal error.
   */
  static JsonRpcException failure(Throwable cause) {
    Throwable unwrapped =
        cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    if (unwrapped instanceof JsonRpcException answer) {
      return answer;
    }
    if (unwrapped instanceof RuntimeException bug) {
      throw bug;
    }
    throw new IllegalStateException(unwrapped);
  }
}
