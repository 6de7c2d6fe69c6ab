package org.megaeth.rpc.filter;

import java.util.List;
import java.util.Set;
import org.megaeth.core.block.Log;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * Which logs match: any of the addresses (none: any address), and per topic position any of the
 * hashes (an empty set: any topic there), as the JSON-RPC filter object defines.
 */
public record LogFilter(Set<Address> addresses, List<Set<Hash>> topics) {
  /** geth allows up to four topic positions, one per LOG topic. */
  public static final int MAX_TOPICS = 4;

  public static final LogFilter ANY = new LogFilter(Set.of(), List.of());

  public LogFilter {
    addresses = Set.copyOf(addresses);
    topics = topics.stream().map(Set::copyOf).toList();
    if (topics.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("at most 4 topic positions, got " + topics.size());
    }
  }

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash> wanted = topics.get(i);
      if (!wanted.isEmpty() && !wanted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a block or receipt with this bloom may hold a matching log (no false negatives). */
  public boolean mightMatch(LogsBloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContain)) {
      return false;
    }
    for (Set<Hash> wanted : topics) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(bloom::mightContain)) {
        return false;
      }
    }
    return true;
  }
}
