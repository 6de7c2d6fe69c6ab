package org.megaeth.rpc.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.megaeth.config.RpcNamespace;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/**
 * How a batch waits for calls answered on another thread (transactions waiting for the pool): they
 * are all started before the batch waits, a call of any other method still sees the effects of the
 * calls before it, and the responses keep the batch's order.
 */
class BatchWaitTest {
  /** eth_sendRawTransaction's stand-in: the test answers each started call by its parameter. */
  private final Map<String, CompletableFuture<JsonNode>> started = new ConcurrentHashMap<>();

  private final List<String> startOrder = new CopyOnWriteArrayList<>();

  /** When each started call applied its effect: after the call before it had applied its own. */
  private final List<String> appliedOrder = new CopyOnWriteArrayList<>();

  /** What eth_chainId saw when it ran: the parameters of the started calls already answered. */
  private final List<String> answeredWhenSyncRan = new CopyOnWriteArrayList<>();

  private final AsyncJsonRpcMethod send =
      new AsyncJsonRpcMethod() {
        @Override
        public RpcMethod method() {
          return RpcMethod.ETH_SEND_RAW_TRANSACTION;
        }

        @Override
        public Started start(RpcRequest request, CompletableFuture<?> after)
            throws JsonRpcException {
          String param = request.params().required(0).asText();
          if (param.equals("bad")) {
            throw JsonRpcException.invalidParams("not a transaction");
          }
          CompletableFuture<JsonNode> result = new CompletableFuture<>();
          started.put(param, result);
          startOrder.add(param);
          // The effect (the pool seeing the transaction) waits for the call before; here the
          // call's own answer stands for its effect.
          CompletableFuture<?> applied = after.thenRun(() -> appliedOrder.add(param));
          return new Started(
              result,
              applied.thenCombine(result.handle((r, e) -> null), (a, b) -> null),
              System.nanoTime() + Duration.ofMillis(300).toNanos(),
              () -> JsonRpcException.server("timed out: " + param + " was never answered"));
        }
      };

  private final JsonRpcMethod chainId =
      new JsonRpcMethod() {
        @Override
        public RpcMethod method() {
          return RpcMethod.ETH_CHAIN_ID;
        }

        @Override
        public JsonNode execute(RpcRequest request) {
          started.forEach(
              (param, result) -> {
                if (result.isDone()) {
                  answeredWhenSyncRan.add(param);
                }
              });
          return Json.text("0x1");
        }
      };

  private final JsonRpcProcessor processor =
      new JsonRpcProcessor(
          MethodRegistry.of(List.of(send, chainId), EnumSet.of(RpcNamespace.ETH)), 10, 10_000);

  private Future<JsonNode> processLater(String message) {
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                byte[] bytes =
                    processor
                        .process(message.getBytes(StandardCharsets.UTF_8), RpcConnection.HTTP)
                        .orElseThrow();
                response.complete(Json.parse(bytes));
              } catch (JsonProcessingException | RuntimeException e) {
                response.completeExceptionally(e);
              }
            });
    return response;
  }

  /** Waits (up to 5 s) for what the batch's thread does. */
  private static void until(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the batch did not get there in 5 s");
      }
      Thread.sleep(1);
    }
  }

  private static String call(int id, String method, String param) {
    return "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":[\"%s\"]}"
        .formatted(id, method, param);
  }

  private static String sendCall(int id, String param) {
    return call(id, "eth_sendRawTransaction", param);
  }

  @Test
  void startsEveryTransactionBeforeWaitingAndAnswersInTheBatchsOrder() throws Exception {
    Future<JsonNode> response =
        processLater(
            "[" + sendCall(1, "a") + "," + sendCall(2, "b") + "," + sendCall(3, "c") + "]");

    // Answering one at a time, the batch would wait for "a" before starting "b".
    until(() -> started.size() == 3);
    assertThat(startOrder).containsExactly("a", "b", "c");
    assertThat(response).isNotDone();

    started.get("c").complete(Json.text("0xc"));
    started.get("b").completeExceptionally(JsonRpcException.server("nonce too low"));
    started.get("a").complete(Json.text("0xa"));

    JsonNode batch = response.get(5, TimeUnit.SECONDS);
    assertThat(batch).hasSize(3);
    assertThat(batch.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(batch.get(0).get("result").asText()).isEqualTo("0xa");
    assertThat(batch.get(1).get("id").asInt()).isEqualTo(2);
    assertThat(batch.get(1).get("error").get("message").asText()).isEqualTo("nonce too low");
    assertThat(batch.get(2).get("id").asInt()).isEqualTo(3);
    assertThat(batch.get(2).get("result").asText()).isEqualTo("0xc");
  }

  @Test
  void startedCallsApplyTheirEffectsInTheBatchsOrder() throws Exception {
    Future<JsonNode> response =
        processLater(
            "[" + sendCall(1, "a") + "," + sendCall(2, "b") + "," + sendCall(3, "c") + "]");
    until(() -> started.size() == 3);

    // Answered last to first: "c" and "b" still wait for "a" before they apply.
    started.get("c").complete(Json.text("0xc"));
    started.get("b").complete(Json.text("0xb"));
    Thread.sleep(50);
    assertThat(appliedOrder).containsExactly("a");
    started.get("a").complete(Json.text("0xa"));

    response.get(5, TimeUnit.SECONDS);
    assertThat(appliedOrder).containsExactly("a", "b", "c");
  }

  @Test
  void aCallOfAnotherMethodWaitsForTheCallsBeforeIt() throws Exception {
    Future<JsonNode> response =
        processLater(
            "["
                + sendCall(1, "a")
                + ","
                + call(2, "eth_chainId", "x")
                + ","
                + sendCall(3, "b")
                + "]");

    until(() -> started.containsKey("a"));
    // eth_chainId has not run, so "b" after it has not started.
    Thread.sleep(50);
    assertThat(startOrder).containsExactly("a");

    started.get("a").complete(Json.text("0xa"));
    until(() -> started.containsKey("b"));
    assertThat(answeredWhenSyncRan).containsExactly("a");
    started.get("b").complete(Json.text("0xb"));

    JsonNode batch = response.get(5, TimeUnit.SECONDS);
    assertThat(batch.findValuesAsText("result")).containsExactly("0xa", "0x1", "0xb");
  }

  @Test
  void aCallThatCannotStartIsAnsweredAndTheOthersStillRun() throws Exception {
    Future<JsonNode> response =
        processLater(
            "["
                + sendCall(1, "bad")
                + ",{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendRawTransaction\",\"params\":[\"n\"]},"
                + sendCall(3, "a")
                + "]");

    until(() -> started.size() == 2);
    started.get("n").complete(Json.text("0xn"));
    started.get("a").complete(Json.text("0xa"));

    JsonNode batch = response.get(5, TimeUnit.SECONDS);
    // The notification ran but has no response.
    assertThat(batch).hasSize(2);
    assertThat(batch.get(0).get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(batch.get(1).get("result").asText()).isEqualTo("0xa");
  }

  @Test
  void aCallNeverAnsweredTimesOutAndIsCancelled()
      throws InterruptedException, ExecutionException, TimeoutException {
    Future<JsonNode> response = processLater("[" + sendCall(1, "a") + "," + sendCall(2, "b") + "]");

    until(() -> started.size() == 2);
    started.get("b").complete(Json.text("0xb"));

    JsonNode batch = response.get(5, TimeUnit.SECONDS);
    assertThat(batch.get(0).get("error").get("message").asText()).contains("timed out");
    assertThat(batch.get(1).get("result").asText()).isEqualTo("0xb");
    assertThat(started.get("a")).isCancelled();
  }

  @Test
  void aSingleCallWaitsForItsAnswer() throws Exception {
    Future<JsonNode> response = processLater(sendCall(7, "a"));

    until(() -> started.containsKey("a"));
    assertThat(response).isNotDone();
    started.get("a").complete(Json.text("0xa"));

    assertThat(response.get(5, TimeUnit.SECONDS).get("result").asText()).isEqualTo("0xa");
  }

  // ------------------------------------------------------------ started without a waiting thread

  /** Deadlines the test fires itself. */
  private final List<Runnable> deadlines = new CopyOnWriteArrayList<>();

  private final List<Runnable> cancelledDeadlines = new CopyOnWriteArrayList<>();

  private final CallDeadlines manualDeadlines =
      (deadlineNanos, action) -> {
        deadlines.add(action);
        return () -> cancelledDeadlines.add(action);
      };

  /** Where responses are serialized: the test's stand-in for the connection's event loop. */
  private final List<Thread> respondedOn = new CopyOnWriteArrayList<>();

  private final Executor respondOn =
      task ->
          Thread.ofPlatform()
              .name("event-loop")
              .start(
                  () -> {
                    respondedOn.add(Thread.currentThread());
                    task.run();
                  });

  private Optional<CompletableFuture<Optional<byte[]>>> startWithoutBlocking(String message)
      throws JsonProcessingException {
    return processor.startWithoutBlocking(
        Json.parse(message), RpcConnection.HTTP, manualDeadlines, respondOn);
  }

  private static JsonNode parsed(CompletableFuture<Optional<byte[]>> response) throws Exception {
    return Json.parse(response.get(5, TimeUnit.SECONDS).orElseThrow());
  }

  @Test
  void aSendStartsOnTheCallersThreadAndIsAnsweredWhenThePoolAnswers() throws Exception {
    CompletableFuture<Optional<byte[]>> response =
        startWithoutBlocking(sendCall(7, "a")).orElseThrow();

    // Started here and now: the caller (an event loop) did not wait.
    assertThat(startOrder).containsExactly("a");
    assertThat(response).isNotDone();
    started.get("a").complete(Json.text("0xa"));

    JsonNode answer = parsed(response);
    assertThat(answer.get("id").asInt()).isEqualTo(7);
    assertThat(answer.get("result").asText()).isEqualTo("0xa");
    assertThat(respondedOn).extracting(Thread::getName).containsExactly("event-loop");
    assertThat(cancelledDeadlines).hasSize(1);
  }

  @Test
  void aBatchOfSendsStartsInOrderAppliesInOrderAndAnswersInOrder() throws Exception {
    CompletableFuture<Optional<byte[]>> response =
        startWithoutBlocking(
                "[" + sendCall(1, "a") + "," + sendCall(2, "b") + "," + sendCall(3, "c") + "]")
            .orElseThrow();
    assertThat(startOrder).containsExactly("a", "b", "c");

    started.get("c").complete(Json.text("0xc"));
    started.get("b").completeExceptionally(JsonRpcException.server("nonce too low"));
    // "b" and "c" are answered but apply only after "a", which has not been answered.
    assertThat(appliedOrder).containsExactly("a");
    assertThat(response).isNotDone();
    started.get("a").complete(Json.text("0xa"));

    JsonNode batch = parsed(response);
    assertThat(appliedOrder).containsExactly("a", "b", "c");
    assertThat(batch.findValuesAsText("id")).containsExactly("1", "2", "3");
    assertThat(batch.get(0).get("result").asText()).isEqualTo("0xa");
    assertThat(batch.get(1).get("error").get("message").asText()).isEqualTo("nonce too low");
    assertThat(batch.get(2).get("result").asText()).isEqualTo("0xc");
  }

  @Test
  void aMessageWithACallOfAnotherMethodIsLeftToARequestThreadAndNothingStarts() throws Exception {
    assertThat(
            startWithoutBlocking("[" + sendCall(1, "a") + "," + call(2, "eth_chainId", "x") + "]"))
        .isEmpty();
    assertThat(startWithoutBlocking(call(1, "eth_chainId", "x"))).isEmpty();
    assertThat(startWithoutBlocking("[]")).isEmpty();
    assertThat(startWithoutBlocking("[" + sendCall(1, "a") + ",{\"id\":2}]")).isEmpty();
    assertThat(startOrder).isEmpty();
  }

  @Test
  void aSendThatCannotStartIsAnsweredAtOnce() throws Exception {
    JsonNode answer = parsed(startWithoutBlocking(sendCall(1, "bad")).orElseThrow());

    assertThat(answer.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(deadlines).isEmpty();
  }

  @Test
  void aSendNeverAnsweredIsAnsweredByItsDeadlineAndCancelled() throws Exception {
    CompletableFuture<Optional<byte[]>> response =
        startWithoutBlocking("[" + sendCall(1, "a") + "," + sendCall(2, "b") + "]").orElseThrow();
    started.get("b").complete(Json.text("0xb"));
    assertThat(response).isNotDone();

    deadlines.forEach(Runnable::run); // "b"'s deadline comes after its answer: no effect

    JsonNode batch = parsed(response);
    assertThat(batch.get(0).get("error").get("message").asText()).contains("timed out");
    assertThat(batch.get(1).get("result").asText()).isEqualTo("0xb");
    assertThat(started.get("a")).isCancelled();
  }

  @Test
  void aNotificationOfSendsStartsAndHasNoResponse() throws Exception {
    CompletableFuture<Optional<byte[]>> response =
        startWithoutBlocking(
                "{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendRawTransaction\",\"params\":[\"n\"]}")
            .orElseThrow();
    started.get("n").complete(Json.text("0xn"));

    assertThat(response.get(5, TimeUnit.SECONDS)).isEmpty();
  }
}
