package org.megaeth.rpc.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.megaeth.config.RpcNamespace;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcException;

/** The JSON-RPC 2.0 envelope rules, each as the spec states it. */
class JsonRpcProcessorTest {
  /** eth_chainId answers "0x1"; eth_blockNumber always fails unexpectedly; net_version echoes. */
  private static final List<JsonRpcMethod> METHODS =
      List.of(
          method(RpcMethod.ETH_CHAIN_ID, r -> Json.text("0x1")),
          method(
              RpcMethod.ETH_BLOCK_NUMBER,
              r -> {
                throw new IllegalStateException("a bug with a secret stack trace");
              }),
          method(RpcMethod.NET_VERSION, r -> r.params().required(0)),
          method(RpcMethod.WEB3_SHA3, r -> Json.text("x".repeat(500))),
          // A result written at serialization time whose writer fails half way.
          method(
              RpcMethod.NET_LISTENING,
              r ->
                  Json.streamed(
                      out -> {
                        out.startObject();
                        out.quantity("n", -1);
                      })));

  private final JsonRpcProcessor processor =
      new JsonRpcProcessor(
          MethodRegistry.of(
              METHODS, EnumSet.of(RpcNamespace.ETH, RpcNamespace.NET, RpcNamespace.WEB3)),
          3,
          400);

  interface Body {
    JsonNode run(RpcRequest request) throws JsonRpcException;
  }

  private static JsonRpcMethod method(RpcMethod name, Body body) {
    return new JsonRpcMethod() {
      @Override
      public RpcMethod method() {
        return name;
      }

      @Override
      public JsonNode execute(RpcRequest request) throws JsonRpcException {
        return body.run(request);
      }
    };
  }

  private Optional<JsonNode> process(String message) {
    return processor
        .process(message.getBytes(StandardCharsets.UTF_8), RpcConnection.HTTP)
        .map(
            b -> {
              try {
                return Json.parse(b);
              } catch (JsonProcessingException e) {
                throw new AssertionError(e);
              }
            });
  }

  private JsonNode response(String message) {
    return process(message).orElseThrow();
  }

  @Test
  void shouldAnswerACallWithItsId() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"eth_chainId\"}");
    assertThat(Json.toString(r))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":\"0x1\"}");
  }

  @Test
  void shouldAnswerInvalidJsonWithParseErrorAndNullId() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"method\":\"foobar,\"params\":\"bar\",\"baz]");
    assertThat(r.get("id").isNull()).isTrue();
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void shouldAnswerAnInvalidRequestObjectWithInvalidRequest() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}");
    assertThat(r.get("id").isNull()).isTrue();
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32600);
    JsonNode version = response("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"eth_chainId\"}");
    assertThat(version.get("id").asInt()).isEqualTo(7);
    assertThat(version.get("error").get("code").asInt()).isEqualTo(-32600);
    JsonNode scalar = response("42");
    assertThat(scalar.get("error").get("code").asInt()).isEqualTo(-32600);
    JsonNode badId = response("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"eth_chainId\"}");
    assertThat(badId.get("id").isNull()).isTrue();
    assertThat(badId.get("error").get("code").asInt()).isEqualTo(-32600);
  }

  @Test
  void shouldAnswerAnEmptyBatchWithOneInvalidRequest() {
    JsonNode r = response("[]");
    assertThat(r.isObject()).isTrue();
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32600);
  }

  @Test
  void shouldAnswerEachInvalidBatchMember() {
    JsonNode r = response("[1,2,3]");
    assertThat(r).hasSize(3);
    r.forEach(e -> assertThat(e.get("error").get("code").asInt()).isEqualTo(-32600));
  }

  @Test
  void shouldAnswerAMixedBatchInOrderWithoutNotifications() {
    JsonNode r =
        response(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
    assertThat(r).hasSize(2);
    assertThat(r.get(0).get("result").asText()).isEqualTo("0x1");
    assertThat(r.get(1).get("id").asInt()).isEqualTo(2);
    assertThat(r.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    assertThat(r.get(1).get("error").get("message").asText())
        .isEqualTo("the method nope does not exist/is not available");
  }

  @Test
  void shouldSendNothingForNotificationsOnly() {
    assertThat(process("{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}")).isEmpty();
    assertThat(
            process(
                "[{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}]"))
        .isEmpty();
  }

  @Test
  void shouldAnswerANullIdAsARequest() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"eth_chainId\"}");
    assertThat(r.get("id").isNull()).isTrue();
    assertThat(r.get("result").asText()).isEqualTo("0x1");
  }

  @Test
  void shouldHideUnexpectedFailuresBehindInternalError() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}");
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32603);
    assertThat(r.get("error").get("message").asText()).isEqualTo("internal error");
    assertThat(Json.toString(r)).doesNotContain("secret").doesNotContain("Exception");
  }

  @Test
  void shouldRefuseNamedParametersAndMissingOnes() {
    JsonNode named =
        response("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\",\"params\":{\"a\":1}}");
    assertThat(named.get("error").get("code").asInt()).isEqualTo(-32602);
    JsonNode missing =
        response("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_version\",\"params\":[]}");
    assertThat(missing.get("error").get("code").asInt()).isEqualTo(-32602);
    assertThat(missing.get("error").get("message").asText())
        .isEqualTo("missing value for required argument 0");
  }

  @Test
  void shouldAnswerAFailingStreamedResultWithAnInternalErrorAndItsId() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"net_listening\"}");
    assertThat(r.get("id").asInt()).isEqualTo(7);
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32603);
    assertThat(r.toString()).doesNotContain("negative");

    JsonNode batch =
        response(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"net_listening\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_chainId\"}]");
    assertThat(batch.get(0).get("error").get("code").asInt()).isEqualTo(-32603);
    assertThat(batch.get(1).get("result").asText()).isEqualTo("0x1");
  }

  @Test
  void shouldJoinABatchExactlyAsJacksonWritesAnArray() {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"eth_chainId\"}";
    byte[] bytes =
        processor
            .process(
                ("[" + call.formatted(1) + "," + call.formatted(2) + "]")
                    .getBytes(StandardCharsets.UTF_8),
                RpcConnection.HTTP)
            .orElseThrow();
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x1\"}]");
  }

  @Test
  void shouldRefuseABatchOverTheLimitAsGethDoesWithTheFirstCallsId() {
    String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}";
    String call = "{\"jsonrpc\":\"2.0\",\"id\":\"first\",\"method\":\"eth_chainId\"}";
    JsonNode r = response("[" + String.join(",", List.of(notification, call, call, call)) + "]");
    assertThat(r.isArray()).isTrue();
    assertThat(r).hasSize(1);
    assertThat(r.get(0).get("id").asText()).isEqualTo("first");
    assertThat(r.get(0).get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(r.get(0).get("error").get("message").asText()).isEqualTo("batch too large");
  }

  @Test
  void shouldAnswerBatchTooLargeWithANullIdWhenTheBatchHasNoCall() {
    String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"}";
    JsonNode r = response("[" + String.join(",", Collections.nCopies(4, notification)) + "]");
    assertThat(r).hasSize(1);
    assertThat(r.get(0).get("id").isNull()).isTrue();
  }

  @Test
  void shouldAnswerInvalidRequestsInGethsWordsWithTheirIdWhenUsable() {
    for (String bad :
        List.of(
            "{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"eth_chainId\"}",
            "{\"id\":7,\"method\":\"eth_chainId\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":7}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":5}")) {
      JsonNode r = response(bad);
      assertThat(r.get("id").asInt()).as(bad).isEqualTo(7);
      assertThat(r.get("error").get("code").asInt()).as(bad).isEqualTo(-32600);
      assertThat(r.get("error").get("message").asText()).as(bad).isEqualTo("invalid request");
    }
    JsonNode arrayId = response("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"eth_chainId\"}");
    assertThat(arrayId.get("id").isNull()).isTrue();
    assertThat(arrayId.get("error").get("message").asText()).isEqualTo("invalid request");
  }

  @Test
  void shouldEchoAnyScalarIdAsGethDoes() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"eth_chainId\"}");
    assertThat(r.get("id").asBoolean()).isTrue();
    assertThat(r.get("result").asText()).isEqualTo("0x1");
  }

  @Test
  void shouldAnswerParamsThatAreNotAnArrayWithNonArrayArgs() {
    for (String params : List.of("{\"a\":1}", "\"x\"", "5")) {
      JsonNode r =
          response(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":"
                  + params
                  + "}");
      assertThat(r.get("error").get("code").asInt()).as(params).isEqualTo(-32602);
      assertThat(r.get("error").get("message").asText()).as(params).isEqualTo("non-array args");
    }
  }

  @Test
  void shouldReplaceAResponseOverTheLimit() {
    JsonNode r = response("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"web3_sha3\"}");
    assertThat(r.get("id").asInt()).isEqualTo(9);
    assertThat(r.get("error").get("code").asInt()).isEqualTo(-32003);
  }

  @Test
  void shouldLeaveDisabledNamespacesOut() {
    MethodRegistry ethOnly = MethodRegistry.of(METHODS, EnumSet.of(RpcNamespace.ETH));
    assertThat(ethOnly.find("eth_chainId")).isPresent();
    assertThat(ethOnly.find("net_version")).isEmpty();
    assertThat(RpcMethod.REALTIME_SEND_RAW_TRANSACTION.namespace()).isEqualTo(RpcNamespace.ETH);
  }
}
