package org.megaeth.config;

import java.util.Locale;

/**
 * The JSON-RPC namespaces config can enable. Listed here rather than accepted as free text so that
 * a typo such as {@code "eht"} is a config error instead of a namespace that silently never turns
 * on; the rpc module adds an entry here when it adds a namespace.
 */
public enum RpcNamespace {
  ETH,
  NET,
  WEB3,
  TXPOOL,
  DEBUG,
  ADMIN;

  /** The prefix of the namespace's method names ({@code "eth"} for {@code eth_call}). */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }
}
