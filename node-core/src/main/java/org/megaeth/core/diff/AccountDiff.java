package org.megaeth.core.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.megaeth.core.types.Address;

/**
 * What a block did to one account. Either the account is gone ({@link #deleted}), or it exists
 * afterwards with new fields ({@code info}, absent when nonce, balance and code hash are unchanged)
 * and changed slots. {@code storageCleared} says its old storage was wiped first (the account was
 * deleted and created again within the block), so only {@code slots} remain.
 *
 * @param slots sorted by key, unique, each with its new value
 */
public record AccountDiff(
    Address address,
    boolean deleted,
    boolean storageCleared,
    Optional<AccountInfo> info,
    List<SlotChange> slots) {

  public AccountDiff {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(info, "info");
    slots = List.copyOf(slots);
    if (deleted && (storageCleared || info.isPresent() || !slots.isEmpty())) {
      throw new IllegalArgumentException("a deleted account has no fields or slots: " + address);
    }
    for (int i = 1; i < slots.size(); i++) {
      if (slots.get(i - 1).key().compareTo(slots.get(i).key()) >= 0) {
        throw new IllegalArgumentException("slots must be sorted and unique: " + address);
      }
    }
  }

  public static AccountDiff deletion(Address address) {
    return new AccountDiff(address, true, false, Optional.empty(), List.of());
  }
}
