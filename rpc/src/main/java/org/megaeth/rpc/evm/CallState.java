package org.megaeth.rpc.evm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.megaeth.core.api.StateView;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.state.WorldState;

/**
 * The EVM's world state for one call: reads go to a node's {@link StateView}, writes stay here and
 * vanish with the call. Overrides ({@code eth_call}'s state override set) are writes made before
 * the call. Keeps the journal, original values (EIP-2200), transient storage (EIP-1153) and touched
 * set the EVM needs. Not thread-safe; one instance per call.
 *
 * <p>geth skips the EIP-3607 "sender is not an EOA" check for calls, so a contract can be simulated
 * as the caller. The transaction processor checks it by reading the sender's code before its first
 * write, so {@link #hideCodeUntilFirstWrite} hides that one account's code from exactly that read.
 */
final class CallState implements WorldState {
  private static final byte[] NO_CODE = new byte[0];

  /** An account as this call sees it; immutable, replaced on every change. */
  private record Account(boolean exists, long nonce, UInt256 balance, byte[] code, Hash codeHash) {
    static final Account ABSENT = new Account(false, 0, UInt256.ZERO, NO_CODE, Keccak.EMPTY);

    boolean isEmpty() {
      return nonce == 0 && balance.isZero() && code.length == 0;
    }

    Account created() {
      return exists ? this : new Account(true, nonce, balance, code, codeHash);
    }
  }

  private record SlotKey(Address address, UInt256 key) {}

  /** One undoable change; {@code had} says whether the map had an entry before. */
  private sealed interface Undo {
    record AccountUndo(Address address, Account previous) implements Undo {}

    record SlotUndo(Address address, UInt256 key, UInt256 previous) implements Undo {}

    record ClearUndo(Address address, boolean wasCleared, Map<UInt256, UInt256> previousSlots)
        implements Undo {}

    record TransientUndo(SlotKey slot, UInt256 previous) implements Undo {}

    record TouchUndo(Address address) implements Undo {}
  }

  private final StateView base;
  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<Address, Map<UInt256, UInt256>> slots = new HashMap<>();

  /** Accounts whose storage in the base state no longer counts (deleted, or fully overridden). */
  private final Set<Address> cleared = new HashSet<>();

  private final Map<SlotKey, UInt256> originals = new HashMap<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private final List<Undo> journal = new ArrayList<>();
  private Address hiddenCode;

  CallState(StateView base) {
    this.base = base;
  }

  /** See the class comment. */
  void hideCodeUntilFirstWrite(Address sender) {
    hiddenCode = sender;
  }

  private Account account(Address address) {
    Account account = accounts.get(address);
    if (account == null) {
      account =
          base.exists(address)
              ? new Account(
                  true,
                  base.nonce(address),
                  base.balance(address).value(),
                  base.code(address).toArrayUnsafe(),
                  base.codeHash(address))
              : Account.ABSENT;
      accounts.put(address, account);
    }
    return account;
  }

  private void writeAccount(Address address, Account account) {
    hiddenCode = null;
    journal.add(new Undo.AccountUndo(address, account(address)));
    accounts.put(address, account);
  }

  // ---------------------------------------------------------------- overrides

  void overrideBalance(Address address, UInt256 balance) {
    setBalance(address, balance);
  }

  void overrideNonce(Address address, long nonce) {
    setNonce(address, nonce);
  }

  void overrideCode(Address address, byte[] code) {
    setCode(address, code);
  }

  /** The {@code state} override: the account's storage becomes exactly {@code storage}. */
  void overrideAllStorage(Address address, Map<UInt256, UInt256> storage) {
    clearStorage(address);
    writeAccount(address, account(address).created());
    storage.forEach((k, v) -> setStorage(address, k, v));
  }

  // ---------------------------------------------------------------- reads

  @Override
  public boolean exists(Address address) {
    return account(address).exists();
  }

  @Override
  public boolean isEmpty(Address address) {
    Account account = account(address);
    return !account.exists() || account.isEmpty();
  }

  @Override
  public long getNonce(Address address) {
    return account(address).nonce();
  }

  @Override
  public UInt256 getBalance(Address address) {
    return account(address).balance();
  }

  @Override
  public byte[] getCode(Address address) {
    if (address.equals(hiddenCode)) {
      return NO_CODE;
    }
    return account(address).code();
  }

  @Override
  public Hash getCodeHash(Address address) {
    return account(address).codeHash();
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    Map<UInt256, UInt256> written = slots.get(address);
    if (written != null) {
      UInt256 value = written.get(key);
      if (value != null) {
        return value;
      }
    }
    if (cleared.contains(address)) {
      return UInt256.ZERO;
    }
    return base.storage(address, key);
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 key) {
    UInt256 original = originals.get(new SlotKey(address, key));
    return original != null ? original : getStorage(address, key);
  }

  @Override
  public boolean hasStorage(Address address) {
    Map<UInt256, UInt256> written = slots.get(address);
    if (written != null) {
      for (UInt256 value : written.values()) {
        if (!value.isZero()) {
          return true;
        }
      }
    }
    return !cleared.contains(address) && base.hasStorage(address);
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void createAccount(Address address) {
    if (!exists(address)) {
      writeAccount(address, account(address).created());
    }
    touch(address);
  }

  @Override
  public void setNonce(Address address, long nonce) {
    Account a = account(address);
    writeAccount(address, new Account(true, nonce, a.balance(), a.code(), a.codeHash()));
    touch(address);
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    Account a = account(address);
    writeAccount(address, new Account(true, a.nonce(), balance, a.code(), a.codeHash()));
    touch(address);
  }

  @Override
  public void setCode(Address address, byte[] code) {
    Account a = account(address);
    Hash hash = code.length == 0 ? Keccak.EMPTY : Keccak.hash(code);
    writeAccount(address, new Account(true, a.nonce(), a.balance(), code, hash));
    touch(address);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    hiddenCode = null;
    Account a = account(address);
    if (!a.exists()) {
      writeAccount(address, a.created());
    }
    SlotKey slot = new SlotKey(address, key);
    UInt256 current = getStorage(address, key);
    originals.putIfAbsent(slot, current);
    Map<UInt256, UInt256> written = slots.computeIfAbsent(address, k -> new HashMap<>());
    journal.add(new Undo.SlotUndo(address, key, written.get(key)));
    written.put(key, value);
    touch(address);
  }

  @Override
  public void deleteAccount(Address address) {
    clearStorage(address);
    writeAccount(address, Account.ABSENT);
  }

  private void clearStorage(Address address) {
    hiddenCode = null;
    Map<UInt256, UInt256> previous = slots.remove(address);
    journal.add(
        new Undo.ClearUndo(
            address, cleared.contains(address), previous == null ? Map.of() : previous));
    cleared.add(address);
  }

  @Override
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.add(new Undo.TouchUndo(address));
    }
  }

  @Override
  public Collection<Address> touchedAccounts() {
    return Collections.unmodifiableSet(touched);
  }

  @Override
  public UInt256 getTransientStorage(Address address, UInt256 key) {
    return transientStorage.getOrDefault(new SlotKey(address, key), UInt256.ZERO);
  }

  @Override
  public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
    SlotKey slot = new SlotKey(address, key);
    UInt256 previous =
        value.isZero() ? transientStorage.remove(slot) : transientStorage.put(slot, value);
    journal.add(new Undo.TransientUndo(slot, previous));
  }

  // ---------------------------------------------------------------- journal

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertToSnapshot(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      switch (journal.remove(i)) {
        case Undo.AccountUndo u -> accounts.put(u.address(), u.previous());
        case Undo.SlotUndo u -> {
          Map<UInt256, UInt256> written = slots.get(u.address());
          if (u.previous() == null) {
            if (written != null) {
              written.remove(u.key());
            }
          } else {
            slots.computeIfAbsent(u.address(), k -> new HashMap<>()).put(u.key(), u.previous());
          }
        }
        case Undo.ClearUndo u -> {
          if (!u.wasCleared()) {
            cleared.remove(u.address());
          }
          if (!u.previousSlots().isEmpty()) {
            slots.put(u.address(), new HashMap<>(u.previousSlots()));
          }
        }
        case Undo.TransientUndo u -> {
          if (u.previous() == null) {
            transientStorage.remove(u.slot());
          } else {
            transientStorage.put(u.slot(), u.previous());
          }
        }
        case Undo.TouchUndo u -> touched.remove(u.address());
      }
    }
  }

  @Override
  public void commitTransaction() {
    originals.clear();
    transientStorage.clear();
    touched.clear();
    journal.clear();
  }
}
