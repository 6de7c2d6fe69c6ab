package org.megaeth.core.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * The key dictionary of version-2 state diffs: every address and every slot key gets an index the
 * first time a diff carries it, and later diffs refer to it by that index, a varint of 1-3 bytes
 * instead of 20 or 32 bytes of keccak output that no compressor can shrink.
 *
 * <p>The sequencer and every full node build the same dictionary because they see the same diffs in
 * the same order: a diff is encoded or decoded through an {@link Overlay}, which assigns indexes to
 * the new keys in the order they appear, and {@link Overlay#commit()} adds them once the block is
 * final (so a rejected block leaves the dictionary as it was). Applying a version-2 diff therefore
 * needs the dictionary of all earlier diffs; version 1 stays self-contained. Not thread-safe.
 */
public final class DiffKeyIndex {
  private final Map<Address, Integer> addressIndex = new HashMap<>();
  private final List<Address> addresses = new ArrayList<>();
  private final Map<UInt256, Integer> slotIndex = new HashMap<>();
  private final List<UInt256> slots = new ArrayList<>();

  /**
   * A dictionary restored from storage: the keys in index order, as {@link Overlay#newAddresses()}
   * and {@link Overlay#newSlotKeys()} of the committed overlays gave them.
   *
   * @throws IllegalArgumentException when a key appears twice (the stored dictionary is damaged)
   */
  public static DiffKeyIndex of(List<Address> addresses, List<UInt256> slotKeys) {
    DiffKeyIndex index = new DiffKeyIndex();
    for (Address address : addresses) {
      if (index.addressIndex.putIfAbsent(address, index.addresses.size()) != null) {
        throw new IllegalArgumentException("address " + address + " twice in the dictionary");
      }
      index.addresses.add(address);
    }
    for (UInt256 key : slotKeys) {
      if (index.slotIndex.putIfAbsent(key, index.slots.size()) != null) {
        throw new IllegalArgumentException("slot key " + key + " twice in the dictionary");
      }
      index.slots.add(key);
    }
    return index;
  }

  public int addressCount() {
    return addresses.size();
  }

  public int slotKeyCount() {
    return slots.size();
  }

  /** A view that takes the new keys of one diff; nothing changes here until it is committed. */
  public Overlay overlay() {
    return new Overlay();
  }

  /** The new keys of one diff, on top of the committed dictionary. */
  public final class Overlay {
    private final int baseAddresses = addresses.size();
    private final int baseSlots = slots.size();
    private final Map<Address, Integer> newAddressIndex = new HashMap<>();
    private final List<Address> newAddresses = new ArrayList<>();
    private final Map<UInt256, Integer> newSlotIndex = new HashMap<>();
    private final List<UInt256> newSlots = new ArrayList<>();
    private boolean committed;

    private Overlay() {}

    /** The address's index, or -1 if it is new (then it gets the next index). */
    int addressRef(Address address) {
      Integer index = addressIndex.get(address);
      if (index == null) {
        index = newAddressIndex.get(address);
      }
      if (index != null) {
        return index;
      }
      newAddressIndex.put(address, baseAddresses + newAddresses.size());
      newAddresses.add(address);
      return -1;
    }

    /** The slot key's index, or -1 if it is new (then it gets the next index). */
    int slotRef(UInt256 key) {
      Integer index = slotIndex.get(key);
      if (index == null) {
        index = newSlotIndex.get(key);
      }
      if (index != null) {
        return index;
      }
      newSlotIndex.put(key, baseSlots + newSlots.size());
      newSlots.add(key);
      return -1;
    }

    /** The address at {@code index}, or null when there is none. */
    Address address(long index) {
      if (index < 0) {
        return null;
      }
      if (index < baseAddresses) {
        return addresses.get((int) index);
      }
      long local = index - baseAddresses;
      return local < newAddresses.size() ? newAddresses.get((int) local) : null;
    }

    /** The slot key at {@code index}, or null when there is none. */
    UInt256 slot(long index) {
      if (index < 0) {
        return null;
      }
      if (index < baseSlots) {
        return slots.get((int) index);
      }
      long local = index - baseSlots;
      return local < newSlots.size() ? newSlots.get((int) local) : null;
    }

    /**
     * Assigns indexes to the new keys of {@code diff} in the order {@link StateDiffCodec#encode(
     * StateDiff, Overlay)} would, without encoding it: for a store that keeps the dictionary of the
     * diffs it stores.
     */
    public void addKeysOf(StateDiff diff) {
      for (AccountDiff account : diff.accounts()) {
        addressRef(account.address());
        for (SlotChange slot : account.slots()) {
          slotRef(slot.key());
        }
      }
    }

    /** The index of this overlay's first new address: the dictionary's size when it was made. */
    public int firstNewAddressIndex() {
      return baseAddresses;
    }

    /** The index of this overlay's first new slot key. */
    public int firstNewSlotKeyIndex() {
      return baseSlots;
    }

    /** The addresses this overlay assigns, in index order (what a store persists on commit). */
    public List<Address> newAddresses() {
      return List.copyOf(newAddresses);
    }

    /** The slot keys this overlay assigns, in index order. */
    public List<UInt256> newSlotKeys() {
      return List.copyOf(newSlots);
    }

    /** Records a key that arrived in full while decoding. */
    boolean learnAddress(Address address) {
      return addressRef(address) == -1;
    }

    boolean learnSlot(UInt256 key) {
      return slotRef(key) == -1;
    }

    /**
     * Adds this diff's new keys to the dictionary: once its block is final.
     *
     * @throws IllegalStateException if the dictionary changed since this overlay was made
     */
    public void commit() {
      if (committed) {
        throw new IllegalStateException("overlay already committed");
      }
      if (addresses.size() != baseAddresses || slots.size() != baseSlots) {
        throw new IllegalStateException("the dictionary changed under this overlay");
      }
      for (Address address : newAddresses) {
        addressIndex.put(address, addresses.size());
        addresses.add(address);
      }
      for (UInt256 key : newSlots) {
        slotIndex.put(key, slots.size());
        slots.add(key);
      }
      committed = true;
    }
  }
}
