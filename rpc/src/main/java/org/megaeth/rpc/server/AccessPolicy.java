package org.megaeth.rpc.server;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call: the {@code Host} allow-list (protection against DNS rebinding) and the browser
 * origins allowed by CORS and for WebSocket upgrades.
 */
final class AccessPolicy {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  private final List<String> hostAllowlist;
  private final List<String> corsOrigins;

  AccessPolicy(List<String> hostAllowlist, List<String> corsOrigins) {
    this.hostAllowlist = hostAllowlist.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.corsOrigins = List.copyOf(corsOrigins);
  }

  /**
   * Whether the {@code Host} header names an allowed host. A request without one (HTTP/1.0) is
   * allowed: a browser always sends it, so its absence is no rebinding attack.
   */
  boolean hostAllowed(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty() || hostAllowlist.contains("*")) {
      return true;
    }
    return hostAllowlist.contains(hostName(hostHeader));
  }

  /** The host of a {@code Host} header: without the port, IPv6 without brackets, lower case. */
  static String hostName(String hostHeader) {
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(1, end) : host;
    }
    int colon = host.indexOf(':');
    if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
      return host.substring(0, colon);
    }
    return host;
  }

  /** The {@code Access-Control-Allow-Origin} value for a request from {@code origin}, if any. */
  Optional<String> allowOrigin(String origin) {
    if (origin == null || corsOrigins.isEmpty()) {
      return Optional.empty();
    }
    if (corsOrigins.contains("*")) {
      return Optional.of("*");
    }
    return corsOrigins.contains(origin) ? Optional.of(origin) : Optional.empty();
  }

  /**
   * Whether a WebSocket upgrade from {@code origin} is allowed: no origin (not a browser), an
   * allowed CORS origin, or, when none is configured, a page on this machine (as geth does).
   */
  boolean webSocketOriginAllowed(String origin) {
    if (origin == null || origin.isEmpty() || corsOrigins.contains("*")) {
      return true;
    }
    if (corsOrigins.contains(origin)) {
      return true;
    }
    if (!corsOrigins.isEmpty()) {
      return false;
    }
    try {
      String host = URI.create(origin).getHost();
      return host != null && LOCAL_HOSTS.contains(hostName(host));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
