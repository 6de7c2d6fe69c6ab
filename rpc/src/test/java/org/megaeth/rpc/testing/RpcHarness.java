package org.megaeth.rpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.megaeth.config.RpcOptions;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.RpcApi;
import org.megaeth.rpc.RpcBackend;
import org.megaeth.rpc.dispatch.RpcConnection;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.server.RpcServerConfig;

/**
 * The rpc API over a real {@link TestChain}, called in-process through the JSON-RPC processor (the
 * same path as HTTP minus the socket).
 */
public final class RpcHarness implements AutoCloseable {
  private final TestChain chain;
  private final RpcApi api;

  private RpcHarness(TestChain chain, RpcServerConfig config, TimeProvider clock) {
    this.chain = chain;
    this.api = new RpcApi(config, backend(chain), clock);
  }

  public static RpcHarness create() {
    return create(TestChain.create(), b -> b, TimeProvider.SYSTEM);
  }

  public static RpcHarness create(
      TestChain chain, UnaryOperator<RpcServerConfig.Builder> config, TimeProvider clock) {
    return new RpcHarness(
        chain, config.apply(RpcServerConfig.builder(Rpc.options())).build(), clock);
  }

  /** With other node options than {@link Rpc#options()}. */
  public static RpcHarness create(TestChain chain, RpcOptions options) {
    return new RpcHarness(chain, RpcServerConfig.builder(options).build(), TimeProvider.SYSTEM);
  }

  public static RpcBackend backend(TestChain chain) {
    return new RpcBackend(chain, chain, chain, chain, () -> 0);
  }

  public TestChain chain() {
    return chain;
  }

  public RpcApi api() {
    return api;
  }

  /** Sends a raw message; the response, or empty for none. */
  public Optional<JsonNode> send(String message, RpcConnection connection) {
    Optional<byte[]> response =
        api.processor().process(message.getBytes(StandardCharsets.UTF_8), connection);
    return response.map(
        r -> {
          try {
            return Json.parse(r);
          } catch (JsonProcessingException e) {
            throw new AssertionError("the server sent invalid JSON: " + new String(r), e);
          }
        });
  }

  public JsonNode send(String message) {
    return send(message, RpcConnection.HTTP).orElseThrow();
  }

  /** One call over a push-capable connection; the response (subscriptions start after it). */
  public JsonNode call(CapturingConnection connection, String method, Object... params) {
    JsonNode response = send(Rpc.request(method, params), connection).orElseThrow();
    connection.responded();
    return response;
  }

  /** The whole response to one call. */
  public JsonNode call(String method, Object... params) {
    return send(Rpc.request(method, params));
  }

  /** The result of a call that must succeed. */
  public JsonNode result(String method, Object... params) {
    JsonNode response = call(method, params);
    assertThat(response.has("error")).withFailMessage("%s failed: %s", method, response).isFalse();
    return response.get("result");
  }

  /** The error of a call that must fail. */
  public JsonNode error(String method, Object... params) {
    JsonNode response = call(method, params);
    assertThat(response.has("error"))
        .withFailMessage("%s should fail: %s", method, response)
        .isTrue();
    return response.get("error");
  }

  @Override
  public void close() {
    api.close();
    chain.shutdown();
  }
}
