package org.megaeth.rpc.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.Params;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over any transport: parses a message, runs the call or the batch, and returns the
 * response bytes, exactly as the spec says:
 *
 * <ul>
 *   <li>invalid JSON: one {@code -32700} error with id null;
 *   <li>an empty array, or a value that is neither object nor array: one {@code -32600} error;
 *   <li>a batch: one response per call that has an id, in order, no response for notifications, and
 *       nothing at all when every call was a notification;
 *   <li>an invalid request object: {@code -32600} with its id when readable, else null;
 *   <li>an unknown or disabled method: {@code -32601}.
 * </ul>
 *
 * Unexpected failures become {@code -32603 internal error}; their stack traces go to the log, never
 * to the client. {@link #process} blocks: run it on a request thread, not on an event loop; {@link
 * #startWithoutBlocking} does not, and takes the messages that need no request thread.
 */
public final class JsonRpcProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcProcessor.class);

  private final MethodRegistry registry;
  private final int maxBatchSize;
  private final int maxResponseBytes;
  private final RpcMetrics metrics;

  public JsonRpcProcessor(MethodRegistry registry, int maxBatchSize, int maxResponseBytes) {
    this(registry, maxBatchSize, maxResponseBytes, RpcMetrics.none());
  }

  public JsonRpcProcessor(
      MethodRegistry registry, int maxBatchSize, int maxResponseBytes, RpcMetrics metrics) {
    this.registry = registry;
    this.maxBatchSize = maxBatchSize;
    this.maxResponseBytes = maxResponseBytes;
    this.metrics = metrics;
  }

  /** Processes one message; empty when there is nothing to send back (notifications only). */
  public Optional<byte[]> process(byte[] message, RpcConnection connection) {
    Optional<JsonNode> root = parse(message);
    if (root.isEmpty()) {
      metrics.error(JsonRpcError.PARSE_ERROR);
      return Optional.of(Json.toBytes(error(Json.nullNode(), JsonRpcError.parseError())));
    }
    return process(root.get(), connection);
  }

  /**
   * The message's JSON; empty when it is not JSON ({@link #process(byte[], RpcConnection)} answers
   * that).
   */
  public Optional<JsonNode> parse(byte[] message) {
    try {
      return Optional.of(Json.parse(message));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Processes one parsed message, as {@link #process(byte[], RpcConnection)}. */
  public Optional<byte[]> process(JsonNode root, RpcConnection connection) {
    if (root.isArray()) {
      return processBatch((ArrayNode) root, connection);
    }
    if (!root.isObject()) {
      metrics.error(JsonRpcError.INVALID_REQUEST);
      return Optional.of(
          Json.toBytes(error(Json.nullNode(), JsonRpcError.invalidRequest("invalid request"))));
    }
    return single(processCall(root, connection), root);
  }

  /** A single call's response bytes, within the response limit. */
  private Optional<byte[]> single(Optional<JsonNode> response, JsonNode call) {
    return response.map(r -> limit(serialize(r, call), idOf(call)));
  }

  private Optional<byte[]> processBatch(ArrayNode batch, RpcConnection connection) {
    if (batch.isEmpty()) {
      metrics.error(JsonRpcError.INVALID_REQUEST);
      return Optional.of(
          Json.toBytes(error(Json.nullNode(), JsonRpcError.invalidRequest("empty batch"))));
    }
    if (batch.size() > maxBatchSize) {
      metrics.error(JsonRpcError.INVALID_REQUEST);
      return Optional.of(Json.toBytes(batchTooLarge(batch)));
    }
    // The calls run in order. A call that waits on another thread (an AsyncJsonRpcMethod: a
    // transaction's admission or execution) is started and not waited for, so a batch of
    // transactions waits once for all of them; any other call first waits for every call started
    // before it, so it sees their effects as it would if the batch ran one call at a time.
    // Started calls apply their effects in order too: each after the one before (see
    // AsyncJsonRpcMethod).
    List<BatchCall> calls = new ArrayList<>(batch.size());
    int waitingFrom = 0;
    CompletableFuture<?> lastApplied = AsyncJsonRpcMethod.NOTHING_BEFORE;
    for (JsonNode call : batch) {
      long start = System.nanoTime();
      Checked checked = check(call);
      if (checked instanceof Ready ready && ready.method() instanceof AsyncJsonRpcMethod async) {
        BatchCall started = start(call, ready, async, connection, start, lastApplied);
        if (started.started != null) {
          lastApplied = started.started.applied();
        }
        calls.add(started);
        continue;
      }
      awaitTogether(calls.subList(waitingFrom, calls.size()));
      for (; waitingFrom < calls.size(); waitingFrom++) {
        calls.get(waitingFrom).await();
      }
      calls.add(new BatchCall(call, answer(call, checked, connection, start)));
    }
    awaitTogether(calls.subList(waitingFrom, calls.size()));
    return joinResponses(calls);
  }

  /**
   * Starts a message on this thread if it needs no waiting here: a call, or a batch of calls, of
   * methods that only hand their work over ({@link AsyncJsonRpcMethod}: sending transactions). An
   * event loop can then take a transaction without a request thread being started for it, parked
   * while the pool admits it and woken to answer: those hand-overs were most of a single send's
   * cost in the node (docs/benchmarks.md, rpc, "Session 14"). The calls start and apply their
   * effects in the batch's order, as in {@link #process}.
   *
   * @param deadlines where each call's deadline is kept, as no thread waits for it
   * @param respondOn where the response is serialized once every call is answered
   * @return the response bytes to come (empty when there are none to send), or empty when the
   *     message holds a call of another kind or an invalid one, and nothing was started: process it
   *     on a request thread
   */
  public Optional<CompletableFuture<Optional<byte[]>>> startWithoutBlocking(
      JsonNode root, RpcConnection connection, CallDeadlines deadlines, Executor respondOn) {
    boolean batch = root.isArray();
    if (!(root.isObject() || (batch && !root.isEmpty() && root.size() <= maxBatchSize))) {
      return Optional.empty();
    }
    List<JsonNode> messageCalls = new ArrayList<>(root.size());
    List<Ready> ready = new ArrayList<>(root.size());
    for (JsonNode call : batch ? root : List.of(root)) {
      if (!(check(call) instanceof Ready r && r.method() instanceof AsyncJsonRpcMethod)) {
        return Optional.empty();
      }
      messageCalls.add(call);
      ready.add(r);
    }
    List<BatchCall> calls = new ArrayList<>(ready.size());
    CompletableFuture<?>[] answered = new CompletableFuture<?>[ready.size()];
    CompletableFuture<?> lastApplied = AsyncJsonRpcMethod.NOTHING_BEFORE;
    for (int i = 0; i < ready.size(); i++) {
      long start = System.nanoTime();
      Ready r = ready.get(i);
      BatchCall call =
          start(
              messageCalls.get(i),
              r,
              (AsyncJsonRpcMethod) r.method(),
              connection,
              start,
              lastApplied);
      if (call.started != null) {
        lastApplied = call.started.applied();
      }
      calls.add(call);
      answered[i] = call.answered(deadlines);
    }
    return Optional.of(
        CompletableFuture.allOf(answered)
            .thenApplyAsync(
                ignored -> batch ? joinResponses(calls) : single(calls.getFirst().await(), root),
                respondOn));
  }

  /**
   * A batch's response from its answered calls: each response serialized once, and those bytes
   * joined as a JSON array (what Jackson writes for an array of them: no whitespace).
   */
  private Optional<byte[]> joinResponses(List<BatchCall> calls) {
    List<byte[]> responses = new ArrayList<>();
    long size = 1;
    for (BatchCall call : calls) {
      Optional<JsonNode> response = call.await();
      if (response.isEmpty()) {
        continue;
      }
      byte[] bytes = serialize(response.get(), call.call());
      size += bytes.length + 1;
      if (size > maxResponseBytes) {
        return Optional.of(Json.toBytes(tooLarge(Json.nullNode(), size)));
      }
      responses.add(bytes);
    }
    if (responses.isEmpty()) {
      return Optional.empty();
    }
    byte[] joined = new byte[(int) size];
    joined[0] = '[';
    int at = 1;
    for (int i = 0; i < responses.size(); i++) {
      if (i > 0) {
        joined[at++] = ',';
      }
      byte[] response = responses.get(i);
      System.arraycopy(response, 0, joined, at, response.length);
      at += response.length;
    }
    joined[at] = ']';
    return Optional.of(joined);
  }

  /**
   * The response's bytes. Receipts, blocks and logs are written while serializing ({@link
   * Json#streamed}), so a formatting bug surfaces here rather than in the method: it becomes the
   * internal error the method's failure would have been, never a missing response.
   */
  private byte[] serialize(JsonNode response, JsonNode call) {
    try {
      return Json.toBytes(response);
    } catch (RuntimeException e) {
      LOG.warn("writing the response to {} failed", call.path("method").asText(), e);
      metrics.error(JsonRpcError.INTERNAL_ERROR);
      return Json.toBytes(error(idOf(call), JsonRpcError.internal()));
    }
  }

  /** One call, counted and timed; empty for a valid notification. */
  Optional<JsonNode> processCall(JsonNode call, RpcConnection connection) {
    long start = System.nanoTime();
    return answer(call, check(call), connection, start);
  }

  /** A checked call's response, run on this thread, counted and timed from {@code start}. */
  private Optional<JsonNode> answer(
      JsonNode call, Checked checked, RpcConnection connection, long start) {
    Optional<JsonNode> response =
        switch (checked) {
          case Answered answered -> answered.response();
          case Ready ready ->
              respondTo(
                  ready, () -> ready.method().execute(new RpcRequest(ready.params(), connection)));
        };
    metrics.record(call, response, System.nanoTime() - start);
    return response;
  }

  /** A call checked: answered already (an invalid request, an unknown method), or ready to run. */
  private sealed interface Checked permits Answered, Ready {}

  private record Answered(Optional<JsonNode> response) implements Checked {}

  private record Ready(
      JsonNode responseId, boolean notification, String name, JsonRpcMethod method, Params params)
      implements Checked {}

  /**
   * Checks a call as geth does ({@code rpc/json.go}): a call has {@code "jsonrpc": "2.0"}, a method
   * name and an id that is not an object or array (a string, number, null, or even a boolean);
   * without an id it is a notification. Anything else is {@code invalid request}, with its id when
   * that is usable. Parameters that are not an array are {@code non-array args}.
   */
  private Checked check(JsonNode call) {
    if (!call.isObject()) {
      return answered(error(Json.nullNode(), JsonRpcError.invalidRequest("invalid request")));
    }
    JsonNode id = call.get("id");
    boolean notification = id == null;
    JsonNode responseId = usableId(id) ? id : Json.nullNode();
    JsonNode methodName = call.get("method");
    if (!isVersion2(call)
        || (id != null && !usableId(id))
        || methodName == null
        || !methodName.isTextual()
        || methodName.asText().isEmpty()) {
      return answered(error(responseId, JsonRpcError.invalidRequest("invalid request")));
    }
    JsonNode params = call.get("params");
    if (params != null && !params.isArray() && !params.isNull()) {
      return new Answered(
          respond(notification, error(responseId, JsonRpcError.invalidParams("non-array args"))));
    }
    String name = methodName.asText();
    Optional<JsonRpcMethod> method = registry.find(name);
    if (method.isEmpty()) {
      return new Answered(
          respond(notification, error(responseId, JsonRpcError.methodNotFound(name))));
    }
    return new Ready(responseId, notification, name, method.get(), Params.of(params));
  }

  private static boolean isVersion2(JsonNode call) {
    JsonNode version = call.get("jsonrpc");
    return version != null && version.isTextual() && version.asText().equals("2.0");
  }

  /** An id geth echoes: any JSON value but an object or an array. */
  private static boolean usableId(JsonNode id) {
    return id != null && !id.isContainerNode();
  }

  /**
   * geth's answer to a batch over the limit: a batch holding one {@code batch too large} error,
   * carrying the id of the batch's first call (null when it has none), as the protocol has no way
   * to report an error for a whole batch.
   */
  private static ArrayNode batchTooLarge(ArrayNode batch) {
    JsonNode id = Json.nullNode();
    for (JsonNode call : batch) {
      if (call.isObject()
          && isVersion2(call)
          && usableId(call.get("id"))
          && call.path("method").isTextual()
          && !call.path("method").asText().isEmpty()) {
        id = call.get("id");
        break;
      }
    }
    ArrayNode response = Json.array();
    response.add(error(id, JsonRpcError.invalidRequest("batch too large")));
    return response;
  }

  private static Answered answered(JsonNode response) {
    return new Answered(Optional.of(response));
  }

  /** A method's result, or how it failed. */
  private interface Outcome {
    JsonNode result() throws JsonRpcException;
  }

  /**
   * The response to a checked call: its result, its {@link JsonRpcException}'s error, or for
   * anything else an internal error (the stack trace to the log, never to the client).
   */
  private static Optional<JsonNode> respondTo(Ready ready, Outcome outcome) {
    JsonNode response;
    try {
      JsonNode result = outcome.result();
      response = success(ready.responseId(), result == null ? Json.nullNode() : result);
    } catch (JsonRpcException e) {
      response = error(ready.responseId(), e.error());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("{} failed", ready.name(), e);
      response = error(ready.responseId(), JsonRpcError.internal());
    }
    return respond(ready.notification(), response);
  }

  /** Starts a batch's call that waits on another thread; answered at once if it fails to start. */
  private BatchCall start(
      JsonNode call,
      Ready ready,
      AsyncJsonRpcMethod method,
      RpcConnection connection,
      long start,
      CompletableFuture<?> after) {
    AsyncJsonRpcMethod.Started started;
    try {
      started = method.start(new RpcRequest(ready.params(), connection), after);
    } catch (JsonRpcException | RuntimeException | StackOverflowError e) {
      Optional<JsonNode> response =
          respondTo(
              ready,
              () -> {
                throw e;
              });
      metrics.record(call, response, System.nanoTime() - start);
      return new BatchCall(call, response);
    }
    return new BatchCall(call, ready, started, start);
  }

  /**
   * Waits for started calls with one park of the request thread, not one per call (each wake-up of
   * a virtual thread costs microseconds), until all are answered or the soonest of their deadlines
   * passes; {@link BatchCall#await} then takes each answer, or waits out its own deadline.
   */
  private static void awaitTogether(List<BatchCall> calls) {
    List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
    long deadline = Long.MAX_VALUE;
    for (BatchCall call : calls) {
      if (call.started != null && !call.started.answer().isDone()) {
        waiting.add(call.started.answer());
        deadline = Math.min(deadline, call.started.deadlineNanos());
      }
    }
    if (waiting.size() < 2) {
      return;
    }
    try {
      CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Each call answers for itself.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // each call's await answers that the server is stopping
    }
  }

  /**
   * One call of a batch: answered, or started and waiting. Only the batch's request thread touches
   * it; {@link #await} turns a started call into its response, counted and timed, once.
   */
  private final class BatchCall {
    private final JsonNode call;
    private Ready ready;
    private AsyncJsonRpcMethod.Started started;
    private long startNanos;
    private Optional<JsonNode> response;

    BatchCall(JsonNode call, Optional<JsonNode> response) {
      this.call = call;
      this.response = response;
    }

    BatchCall(JsonNode call, Ready ready, AsyncJsonRpcMethod.Started started, long startNanos) {
      this.call = call;
      this.ready = ready;
      this.started = started;
      this.startNanos = startNanos;
    }

    JsonNode call() {
      return call;
    }

    Optional<JsonNode> await() {
      if (response == null) {
        respond(() -> AsyncJsonRpcMethod.await(started));
      }
      return response;
    }

    /**
     * Completes once the call has its response, from the answer or, if that has not come by the
     * call's deadline, from the deadline; {@link #await} then returns it at once. Whichever comes
     * first answers: the deadline only by cancelling the answer, which fails once it is complete.
     */
    CompletableFuture<Void> answered(CallDeadlines deadlines) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      if (response != null) {
        done.complete(null);
        return done;
      }
      CompletableFuture<JsonNode> answer = started.answer();
      CallDeadlines.Scheduled deadline =
          deadlines.at(
              started.deadlineNanos(),
              () -> {
                if (answer.cancel(false)) {
                  respond(
                      () -> {
                        throw started.timedOut().get();
                      });
                  done.complete(null);
                }
              });
      answer.whenComplete(
          (result, failure) -> {
            if (answer.isCancelled()) {
              return; // the deadline answers
            }
            deadline.cancel();
            respond(() -> AsyncJsonRpcMethod.await(started));
            done.complete(null);
          });
      return done;
    }

    private void respond(Outcome outcome) {
      response = respondTo(ready, outcome);
      metrics.record(call, response, System.nanoTime() - startNanos);
    }
  }

  private static Optional<JsonNode> respond(boolean notification, JsonNode response) {
    return notification ? Optional.empty() : Optional.of(response);
  }

  private byte[] limit(byte[] response, JsonNode id) {
    return response.length > maxResponseBytes
        ? Json.toBytes(tooLarge(id, response.length))
        : response;
  }

  private JsonNode tooLarge(JsonNode id, long size) {
    metrics.error(JsonRpcError.RESPONSE_TOO_LARGE);
    return error(
        id,
        JsonRpcError.of(
            JsonRpcError.RESPONSE_TOO_LARGE,
            "response too large: %d bytes, at most %d".formatted(size, maxResponseBytes)));
  }

  private static JsonNode idOf(JsonNode call) {
    JsonNode id = call.get("id");
    return usableId(id) ? id : Json.nullNode();
  }

  public static ObjectNode success(JsonNode id, JsonNode result) {
    ObjectNode node = Json.object();
    node.put("jsonrpc", "2.0");
    node.set("id", id);
    node.set("result", result);
    return node;
  }

  public static ObjectNode error(JsonNode id, JsonRpcError error) {
    ObjectNode node = Json.object();
    node.put("jsonrpc", "2.0");
    node.set("id", id);
    node.set("error", error.toJson());
    return node;
  }
}
