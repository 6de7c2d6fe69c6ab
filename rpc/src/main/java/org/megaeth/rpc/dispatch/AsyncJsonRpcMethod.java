package org.megaeth.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * A method whose answer waits on another thread: the transaction pool's admission, or the
 * mini-block that executes a transaction. {@link #start} hands the work over and returns at once,
 * so that the calls of one batch wait together: a batch of 100 transactions then costs its request
 * thread one wait instead of 100 in a row. A single call still just waits ({@link #execute}).
 *
 * <p>What the calls of a batch do still happens in the batch's order: each call applies its effect
 * (a transaction reaching the pool) only after the call before it applied its own, so a batch
 * behaves as geth's, which runs its calls one at a time (a duplicate is refused as "already known"
 * in its second place, a replacement replaces), while the work before that (recovering senders)
 * runs in parallel.
 *
 * <p>The caller enforces the call's deadline while it waits, so a call costs no timer of its own
 * (on JDK 25 each {@code CompletableFuture.orTimeout} cost the common pool's delay scheduler ~6 µs
 * per transaction); a call that no thread waits for has its deadline kept by a {@link
 * CallDeadlines} timer instead. Whatever completes the answer may be a pool or production thread,
 * so work attached to it must be small; the response is written on the request thread, or for a
 * message started without one, on the connection's event loop.
 */
public interface AsyncJsonRpcMethod extends JsonRpcMethod {

  /**
   * A started call.
   *
   * @param answer completes with the {@code result} member, or fails with a {@link
   *     JsonRpcException} for an answer that is an error
   * @param applied completes (normally) once the call's effect is applied or refused: what the next
   *     call of a batch waits for before it applies its own
   * @param deadlineNanos when ({@link System#nanoTime}) the caller stops waiting
   * @param timedOut the answer then; the caller cancels {@code answer} first
   */
  record Started(
      CompletableFuture<JsonNode> answer,
      CompletableFuture<?> applied,
      long deadlineNanos,
      Supplier<JsonRpcException> timedOut) {
    public Started {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(applied, "applied");
      Objects.requireNonNull(timedOut, "timedOut");
    }
  }

  /** Nothing to wait for: what a call that follows no other is started after. */
  CompletableFuture<?> NOTHING_BEFORE = CompletableFuture.completedFuture(null);

  /**
   * Starts answering one request.
   *
   * @param after the previous call's {@link Started#applied}: this call applies its effect only
   *     once it has completed
   * @throws JsonRpcException at once for what needs no waiting: bad parameters, undecodable bytes
   */
  Started start(RpcRequest request, CompletableFuture<?> after) throws JsonRpcException;

  @Override
  default JsonNode execute(RpcRequest request) throws JsonRpcException {
    return await(start(request, NOTHING_BEFORE));
  }

  /** The answer of a started call, on the request thread, waiting at most until its deadline. */
  static JsonNode await(Started started) throws JsonRpcException {
    CompletableFuture<JsonNode> answer = started.answer();
    try {
      return answer.get(
          Math.max(0, started.deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(false);
      throw started.timedOut().get();
    } catch (InterruptedException e) {
      answer.cancel(false);
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
    Throwable unwrapped = cause(cause);
    if (unwrapped instanceof JsonRpcException answer) {
      return answer;
    }
    if (unwrapped instanceof RuntimeException bug) {
      throw bug;
    }
    throw new IllegalStateException(unwrapped);
  }

  /**
   * What a future failed with: a stage that failed because the one before it did reports the
   * earlier failure wrapped in a {@link CompletionException}.
   */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
