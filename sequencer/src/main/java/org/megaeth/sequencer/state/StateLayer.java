package org.megaeth.sequencer.state;

import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.AccountInfo;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * The changes of one or more consecutive mini-blocks, indexed for reads. Built once, then never
 * changed, so readers on other threads see it whole once it is published.
 */
final class StateLayer {
  /** One account's changes in this layer. */
  static final class Entry {
    /** The account was deleted (and not recreated afterwards within the layer). */
    boolean deleted;

    /** Its older storage is gone: only {@link #slots} (and zero elsewhere) hold. */
    boolean storageCleared;

    /** The new nonce, balance and code hash, or null when older layers still say them. */
    AccountInfo info;

    final Map<UInt256, UInt256> slots = new HashMap<>();
  }

  final Map<Address, Entry> accounts;
  final Map<Hash, Bytes> codes;

  private StateLayer(Map<Address, Entry> accounts, Map<Hash, Bytes> codes) {
    this.accounts = accounts;
    this.codes = codes;
  }

  static StateLayer of(StateDiff diff) {
    StateLayer layer = new StateLayer(new HashMap<>(), new HashMap<>());
    layer.add(diff);
    return layer;
  }

  /** One layer with the changes of {@code older} then {@code newer}, neither changed. */
  static StateLayer merge(StateLayer older, StateLayer newer) {
    StateLayer merged = new StateLayer(new HashMap<>(older.accounts.size() * 2), new HashMap<>());
    older.accounts.forEach((address, entry) -> merged.accounts.put(address, copy(entry)));
    merged.codes.putAll(older.codes);
    newer.accounts.forEach(
        (address, entry) -> {
          Entry target = merged.accounts.get(address);
          if (target == null || entry.deleted || entry.storageCleared) {
            Entry replacement = copy(entry);
            if (!entry.deleted && replacement.info == null && target != null) {
              replacement.info = target.info;
            }
            merged.accounts.put(address, replacement);
            return;
          }
          if (entry.info != null) {
            target.info = entry.info;
          }
          if (target.deleted) {
            // Created again after the deletion: nothing of the old storage shows through.
            target.deleted = false;
            target.storageCleared = true;
          }
          target.slots.putAll(entry.slots);
        });
    merged.codes.putAll(newer.codes);
    return merged;
  }

  int size() {
    return accounts.size();
  }

  private void add(StateDiff diff) {
    for (AccountDiff account : diff.accounts()) {
      Entry entry = new Entry();
      entry.deleted = account.deleted();
      entry.storageCleared = account.storageCleared();
      entry.info = account.info().orElse(null);
      for (SlotChange slot : account.slots()) {
        entry.slots.put(slot.key(), slot.value());
      }
      if (entry.info != null && entry.info.code().isPresent()) {
        codes.put(entry.info.codeHash(), entry.info.code().get());
      }
      accounts.put(account.address(), entry);
    }
  }

  private static Entry copy(Entry entry) {
    Entry copy = new Entry();
    copy.deleted = entry.deleted;
    copy.storageCleared = entry.storageCleared;
    copy.info = entry.info;
    copy.slots.putAll(entry.slots);
    return copy;
  }
}
