package org.megaeth.rpc.dispatch;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.megaeth.config.RpcNamespace;

/**
 * The methods served: built once from the namespaces' method lists, keeping only the enabled
 * namespaces. Immutable, so lookups need no locking. No reflection: a method is served because a
 * factory listed it.
 */
public final class MethodRegistry {
  private final Map<RpcMethod, JsonRpcMethod> methods;

  private MethodRegistry(Map<RpcMethod, JsonRpcMethod> methods) {
    this.methods = Collections.unmodifiableMap(methods);
  }

  /**
   * @throws IllegalArgumentException when two implementations claim the same method
   */
  public static MethodRegistry of(Collection<JsonRpcMethod> all, Set<RpcNamespace> enabled) {
    Map<RpcMethod, JsonRpcMethod> map = new EnumMap<>(RpcMethod.class);
    for (JsonRpcMethod method : all) {
      if (!enabled.contains(method.method().namespace())) {
        continue;
      }
      if (map.put(method.method(), method) != null) {
        throw new IllegalArgumentException("two implementations of " + method.method().wireName());
      }
    }
    return new MethodRegistry(map);
  }

  public Optional<JsonRpcMethod> find(String wireName) {
    return RpcMethod.fromWireName(wireName).map(methods::get);
  }

  public Set<RpcMethod> served() {
    return methods.keySet();
  }
}
