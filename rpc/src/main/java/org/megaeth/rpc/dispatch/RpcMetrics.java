package org.megaeth.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.megaeth.rpc.json.JsonRpcError;

/**
 * The JSON-RPC meters (see docs/metrics.md): calls and their latency by method, and errors by
 * JSON-RPC code. The tag spaces are fixed when the API is built: one {@code method} value per
 * served method, plus {@value #UNKNOWN} for every name the node does not serve (so a client sending
 * random names cannot create series) and {@value #INVALID} for call objects without a method name;
 * one {@code code} value per code this node answers with, plus {@value #OTHER}. Recording a call is
 * a map lookup and a few atomic adds: no allocation, no registry lookup.
 */
public final class RpcMetrics {
  static final String UNKNOWN = "unknown";
  static final String INVALID = "invalid";
  static final String OTHER = "other";

  /** The codes this node sends; anything else counts under {@value #OTHER}. */
  private static final int[] CODES = {
    JsonRpcError.PARSE_ERROR,
    JsonRpcError.INVALID_REQUEST,
    JsonRpcError.METHOD_NOT_FOUND,
    JsonRpcError.INVALID_PARAMS,
    JsonRpcError.INTERNAL_ERROR,
    JsonRpcError.SERVER_ERROR,
    JsonRpcError.NOTIFICATIONS_UNSUPPORTED,
    JsonRpcError.RESPONSE_TOO_LARGE,
    JsonRpcError.LIMIT_EXCEEDED,
    JsonRpcError.EXECUTION_REVERTED,
    JsonRpcError.SYNC_TIMEOUT
  };

  /** Latency buckets: from a state read (well under 1 ms) to a sync send or a long eth_call. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(10),
    Duration.ofMillis(100),
    Duration.ofSeconds(1),
    Duration.ofSeconds(10)
  };

  private record MethodMeters(Counter requests, Timer latency) {}

  private final Map<String, MethodMeters> byMethod;
  private final MethodMeters unknown;
  private final MethodMeters invalid;
  private final Counter[] errors = new Counter[CODES.length];
  private final Counter otherErrors;

  /**
   * @param served the methods to register meters for; any other name counts as {@value #UNKNOWN}
   */
  public RpcMetrics(MeterRegistry registry, Set<RpcMethod> served) {
    Map<String, MethodMeters> meters = new HashMap<>();
    for (RpcMethod method : served) {
      meters.put(method.wireName(), methodMeters(registry, method.wireName()));
    }
    byMethod = Map.copyOf(meters);
    unknown = methodMeters(registry, UNKNOWN);
    invalid = methodMeters(registry, INVALID);
    for (int i = 0; i < CODES.length; i++) {
      errors[i] = errorCounter(registry, Integer.toString(CODES[i]));
    }
    otherErrors = errorCounter(registry, OTHER);
  }

  /** Meters that go nowhere: for an API built without a registry (tests, tools). */
  public static RpcMetrics none() {
    return new RpcMetrics(new CompositeMeterRegistry(), Set.of());
  }

  private static MethodMeters methodMeters(MeterRegistry registry, String method) {
    return new MethodMeters(
        Counter.builder("megaeth.rpc.requests")
            .description("JSON-RPC calls, by method (unknown: a method this node does not serve)")
            .tag("method", method)
            .register(registry),
        Timer.builder("megaeth.rpc.request.duration")
            .description("Time to process a JSON-RPC call, transport excluded, by method")
            .tag("method", method)
            .serviceLevelObjectives(BUCKETS)
            .register(registry));
  }

  private static Counter errorCounter(MeterRegistry registry, String code) {
    return Counter.builder("megaeth.rpc.errors")
        .description("JSON-RPC error responses, by error code")
        .tag("code", code)
        .register(registry);
  }

  /**
   * One call processed.
   *
   * @param call the call object as received (possibly not an object at all)
   * @param response what is sent back; empty for a notification, whose errors are not counted
   */
  void record(JsonNode call, Optional<JsonNode> response, long nanos) {
    JsonNode name = call.get("method");
    MethodMeters meters =
        name == null || !name.isTextual()
            ? invalid
            : byMethod.getOrDefault(name.textValue(), unknown);
    meters.requests().increment();
    meters.latency().record(nanos, TimeUnit.NANOSECONDS);
    if (response.isPresent()) {
      JsonNode error = response.get().get("error");
      if (error != null) {
        error(error.path("code").asInt());
      }
    }
  }

  /** One error response, for the code it carries. */
  void error(int code) {
    for (int i = 0; i < CODES.length; i++) {
      if (CODES[i] == code) {
        errors[i].increment();
        return;
      }
    }
    otherErrors.increment();
  }
}
