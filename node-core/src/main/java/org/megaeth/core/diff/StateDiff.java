package org.megaeth.core.diff;

import java.util.List;

/**
 * The state changes of a block (or mini-block): every account it changed, sorted by address, each
 * with its new values. Applying it to the parent state gives the block's post-state exactly, so a
 * full node can follow the chain without re-executing transactions.
 */
public record StateDiff(List<AccountDiff> accounts) {
  public static final StateDiff EMPTY = new StateDiff(List.of());

  public StateDiff {
    accounts = List.copyOf(accounts);
    for (int i = 1; i < accounts.size(); i++) {
      if (accounts.get(i - 1).address().compareTo(accounts.get(i).address()) >= 0) {
        throw new IllegalArgumentException("accounts must be sorted by address and unique");
      }
    }
  }

  public int slotCount() {
    return accounts.stream().mapToInt(a -> a.slots().size()).sum();
  }
}
