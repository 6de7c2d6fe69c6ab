package org.megaeth.rpc.evm;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * One account's entry in {@code eth_call}'s state override set: replace its balance, nonce or code,
 * and either all its storage ({@code state}) or some slots ({@code stateDiff}).
 */
public record StateOverride(
    Optional<Wei> balance,
    Optional<Long> nonce,
    Optional<Bytes> code,
    Optional<Map<UInt256, UInt256>> state,
    Optional<Map<UInt256, UInt256>> stateDiff) {
  public StateOverride {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(code, "code");
    state = state.map(Map::copyOf);
    stateDiff = stateDiff.map(Map::copyOf);
  }
}
