package org.megaeth.config.genesis;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * An account in a genesis {@code alloc}.
 *
 * @param balance the balance in wei
 * @param nonce the account nonce
 * @param code the contract code; empty for an externally owned account
 * @param storage storage slots and values, sorted by slot; zero values are kept as written (they
 *     mean an empty slot)
 */
public record GenesisAccount(Wei balance, long nonce, Bytes code, Map<UInt256, UInt256> storage) {
  public GenesisAccount {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(code, "code");
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative, got " + nonce);
    }
    storage = Collections.unmodifiableMap(new TreeMap<>(storage));
  }

  /** An account that only holds ether. */
  public static GenesisAccount funded(Wei balance) {
    return new GenesisAccount(balance, 0, Bytes.EMPTY, Map.of());
  }
}
