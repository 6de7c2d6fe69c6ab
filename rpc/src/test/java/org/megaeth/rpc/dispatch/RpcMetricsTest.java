package org.megaeth.rpc.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.megaeth.config.RpcNamespace;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;

/** The processor's meters: calls and latency by method, errors by code, bounded tag spaces. */
class RpcMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MethodRegistry methods =
      MethodRegistry.of(
          List.of(
              method(RpcMethod.ETH_CHAIN_ID, () -> Json.text("0x1")),
              method(
                  RpcMethod.ETH_CALL,
                  () -> {
                    throw JsonRpcException.of(JsonRpcError.EXECUTION_REVERTED, "reverted");
                  }),
              method(
                  RpcMethod.ETH_BLOCK_NUMBER,
                  () -> {
                    throw new IllegalStateException("a bug");
                  }),
              method(
                  RpcMethod.DEBUG_GET_RAW_BLOCK,
                  () -> {
                    throw JsonRpcException.of(-12345, "a code nobody planned for");
                  })),
          EnumSet.of(RpcNamespace.ETH, RpcNamespace.DEBUG));
  private final JsonRpcProcessor processor =
      new JsonRpcProcessor(methods, 10, 1 << 20, new RpcMetrics(registry, methods.served()));

  @Test
  void shouldCountAndTimeCallsByMethod() {
    send(call("eth_chainId", 1));
    send(call("eth_chainId", 2));
    send("[" + call("eth_chainId", 3) + "," + call("eth_call", 4) + "]");

    assertThat(requests("eth_chainId")).isEqualTo(3);
    assertThat(requests("eth_call")).isEqualTo(1);
    assertThat(requests("eth_blockNumber")).isZero();
    assertThat(
            registry
                .get("megaeth.rpc.request.duration")
                .tag("method", "eth_chainId")
                .timer()
                .count())
        .isEqualTo(3);
  }

  @Test
  void shouldFoldEveryUnservedMethodIntoOneTagValue() {
    for (int i = 0; i < 50; i++) {
      send(call("made_up_" + i, i));
    }
    send(call("web3_clientVersion", 99)); // a real method, but not served here

    assertThat(requests(RpcMetrics.UNKNOWN)).isEqualTo(51);
    assertThat(registry.get("megaeth.rpc.requests").counters())
        .as("one series per served method, plus unknown and invalid")
        .hasSize(methods.served().size() + 2);
    assertThat(errors(JsonRpcError.METHOD_NOT_FOUND)).isEqualTo(51);
  }

  @Test
  void shouldCountErrorsByCode() {
    send(call("eth_call", 1));
    send(call("eth_blockNumber", 2));
    send(call("debug_getRawBlock", 3));
    send("{not json");
    send("42");
    send("[]");
    send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":17}");

    assertThat(errors(JsonRpcError.EXECUTION_REVERTED)).isEqualTo(1);
    assertThat(errors(JsonRpcError.INTERNAL_ERROR)).isEqualTo(1);
    assertThat(errors(JsonRpcError.PARSE_ERROR)).isEqualTo(1);
    assertThat(errors(JsonRpcError.INVALID_REQUEST)).isEqualTo(3);
    assertThat(registry.get("megaeth.rpc.errors").tag("code", RpcMetrics.OTHER).counter().count())
        .isEqualTo(1);
    assertThat(requests(RpcMetrics.INVALID)).isEqualTo(1);
  }

  @Test
  void shouldCountAResponseReplacedForItsSize() {
    JsonRpcProcessor small =
        new JsonRpcProcessor(methods, 10, 40, new RpcMetrics(registry, methods.served()));
    small.process(
        call("eth_chainId", 123456789).getBytes(StandardCharsets.UTF_8), RpcConnection.HTTP);

    assertThat(errors(JsonRpcError.RESPONSE_TOO_LARGE)).isEqualTo(1);
    assertThat(requests("eth_chainId")).isEqualTo(1);
  }

  @Test
  void shouldCountNotificationsButNotTheirUnsentErrors() {
    send("{\"jsonrpc\":\"2.0\",\"method\":\"eth_call\"}");

    assertThat(requests("eth_call")).isEqualTo(1);
    assertThat(errors(JsonRpcError.EXECUTION_REVERTED)).isZero();
  }

  private void send(String message) {
    processor.process(message.getBytes(StandardCharsets.UTF_8), RpcConnection.HTTP);
  }

  private static String call(String method, int id) {
    return "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":[]}".formatted(id, method);
  }

  private double requests(String method) {
    return registry.get("megaeth.rpc.requests").tag("method", method).counter().count();
  }

  private double errors(int code) {
    return registry.get("megaeth.rpc.errors").tag("code", Integer.toString(code)).counter().count();
  }

  interface Body {
    JsonNode run() throws JsonRpcException;
  }

  private static JsonRpcMethod method(RpcMethod name, Body body) {
    return new JsonRpcMethod() {
      @Override
      public RpcMethod method() {
        return name;
      }

      @Override
      public JsonNode execute(RpcRequest request) throws JsonRpcException {
        return body.run();
      }
    };
  }
}
