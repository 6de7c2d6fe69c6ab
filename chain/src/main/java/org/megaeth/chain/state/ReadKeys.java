package org.megaeth.chain.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * The accounts and storage slots a block read, each once, for its witness; and the keys first read
 * since {@link #mark()}, so that a transaction found invalid at its turn can be taken back out
 * ({@link #end end(false)}): it is not in the block, and a node re-executing the block never reads
 * them. Used for the witness's keys ({@link BlockState}) and for the reads the parallel builder's
 * overlay replays into the trie at the seal. Adding a key allocates only the first time.
 */
public final class ReadKeys {
  private final Set<Address> accounts = new HashSet<>();
  private final Map<Address, Set<UInt256>> slots = new HashMap<>();

  // First reads since mark(), reused from one turn to the next.
  private final List<Address> markedAccounts = new ArrayList<>();
  private final List<Address> markedSlotAccounts = new ArrayList<>();
  private final List<UInt256> markedSlots = new ArrayList<>();
  private boolean marking;

  public void addAccount(Address address) {
    if (accounts.add(address) && marking) {
      markedAccounts.add(address);
    }
  }

  /** The slot alone; its account is added only by {@link #addAccount}. */
  public void addSlot(Address address, UInt256 slot) {
    if (slots.computeIfAbsent(address, a -> new HashSet<>()).add(slot) && marking) {
      markedSlotAccounts.add(address);
      markedSlots.add(slot);
    }
  }

  /** From now on, first reads are remembered; marking again before {@link #end} keeps them. */
  public void mark() {
    marking = true;
  }

  /** Keeps the reads since {@link #mark()} if {@code keep}, else forgets those first made since. */
  public void end(boolean keep) {
    if (marking && !keep) {
      markedAccounts.forEach(accounts::remove);
      for (int i = 0; i < markedSlots.size(); i++) {
        Set<UInt256> read = slots.get(markedSlotAccounts.get(i));
        read.remove(markedSlots.get(i));
        if (read.isEmpty()) {
          slots.remove(markedSlotAccounts.get(i));
        }
      }
    }
    marking = false;
    markedAccounts.clear();
    markedSlotAccounts.clear();
    markedSlots.clear();
  }

  public Set<Address> accounts() {
    return accounts;
  }

  /**
   * The slots read, by account (an account may have slots read without being in {@link #accounts}).
   */
  public Map<Address, Set<UInt256>> slots() {
    return slots;
  }
}
