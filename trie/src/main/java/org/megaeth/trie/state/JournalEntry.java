package org.megaeth.trie.state;

import java.util.Map;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/** One undoable change to a {@link WorldState}'s pending changes; undone in reverse order. */
sealed interface JournalEntry {
  /** The pending account was {@code previous} (null: deleted) if {@code hadPending}, else none. */
  record AccountWrite(Address address, boolean hadPending, Account previous)
      implements JournalEntry {}

  /** The pending slot value was {@code previous}, or none when null. */
  record StorageWrite(Address address, UInt256 slot, UInt256 previous) implements JournalEntry {}

  /**
   * The account's storage was wiped: it had these pending slots and was or was not wiped already.
   */
  record StorageWipe(Address address, boolean wasWiped, Map<UInt256, UInt256> previousSlots)
      implements JournalEntry {}
}
