package org.megaeth.evm.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * A {@link WorldState} held in hash maps, with an undo journal. Good for tests, state tests and
 * tools; the production state is trie-backed.
 */
public final class InMemoryWorldState implements WorldState {
  private static final byte[] NO_CODE = new byte[0];

  /** One account; mutable, owned by this state. */
  public static final class Account {
    long nonce;
    UInt256 balance = UInt256.ZERO;
    byte[] code = NO_CODE;
    Hash codeHash = Keccak.EMPTY;
    final Map<UInt256, UInt256> storage = new HashMap<>();

    public long nonce() {
      return nonce;
    }

    public UInt256 balance() {
      return balance;
    }

    public byte[] code() {
      return code;
    }

    public Hash codeHash() {
      return codeHash;
    }

    /** Non-zero slots, sorted by key. */
    public Map<UInt256, UInt256> storage() {
      return Collections.unmodifiableMap(new TreeMap<>(storage));
    }

    boolean isEmpty() {
      return nonce == 0 && balance.isZero() && code.length == 0;
    }

    Account copy() {
      Account a = new Account();
      a.nonce = nonce;
      a.balance = balance;
      a.code = code;
      a.codeHash = codeHash;
      a.storage.putAll(storage);
      return a;
    }
  }

  private record SlotKey(Address address, UInt256 key) {}

  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<SlotKey, UInt256> originals = new HashMap<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private final ArrayList<Runnable> journal = new ArrayList<>();

  public InMemoryWorldState() {}

  /** A deep copy of the committed and uncommitted state, without the journal. */
  public InMemoryWorldState copy() {
    InMemoryWorldState c = new InMemoryWorldState();
    accounts.forEach((address, account) -> c.accounts.put(address, account.copy()));
    return c;
  }

  /** The accounts, for dumps and state roots. */
  public Map<Address, Account> accounts() {
    return Collections.unmodifiableMap(accounts);
  }

  /** Sets up an account directly (genesis, tests): not journaled, not touched. */
  public void putAccount(
      Address address, long nonce, UInt256 balance, byte[] code, Map<UInt256, UInt256> storage) {
    Account a = new Account();
    a.nonce = nonce;
    a.balance = balance;
    a.code = code;
    a.codeHash = code.length == 0 ? Keccak.EMPTY : Keccak.hash(code);
    storage.forEach(
        (k, v) -> {
          if (!v.isZero()) {
            a.storage.put(k, v);
          }
        });
    accounts.put(address, a);
  }

  @Override
  public boolean exists(Address address) {
    return accounts.containsKey(address);
  }

  @Override
  public boolean isEmpty(Address address) {
    Account a = accounts.get(address);
    return a == null || a.isEmpty();
  }

  @Override
  public long getNonce(Address address) {
    Account a = accounts.get(address);
    return a == null ? 0 : a.nonce;
  }

  @Override
  public UInt256 getBalance(Address address) {
    Account a = accounts.get(address);
    return a == null ? UInt256.ZERO : a.balance;
  }

  @Override
  public byte[] getCode(Address address) {
    Account a = accounts.get(address);
    return a == null ? NO_CODE : a.code;
  }

  @Override
  public Hash getCodeHash(Address address) {
    Account a = accounts.get(address);
    return a == null ? Keccak.EMPTY : a.codeHash;
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    Account a = accounts.get(address);
    if (a == null) {
      return UInt256.ZERO;
    }
    return a.storage.getOrDefault(key, UInt256.ZERO);
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 key) {
    UInt256 original = originals.get(new SlotKey(address, key));
    return original != null ? original : getStorage(address, key);
  }

  @Override
  public boolean hasStorage(Address address) {
    Account a = accounts.get(address);
    return a != null && !a.storage.isEmpty();
  }

  private Account getOrCreate(Address address) {
    Account a = accounts.get(address);
    if (a == null) {
      a = new Account();
      accounts.put(address, a);
      journal.add(() -> accounts.remove(address));
    }
    touch(address);
    return a;
  }

  @Override
  public void createAccount(Address address) {
    getOrCreate(address);
  }

  @Override
  public void setNonce(Address address, long nonce) {
    Account a = getOrCreate(address);
    long old = a.nonce;
    a.nonce = nonce;
    journal.add(() -> a.nonce = old);
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    Account a = getOrCreate(address);
    UInt256 old = a.balance;
    a.balance = balance;
    journal.add(() -> a.balance = old);
  }

  @Override
  public void setCode(Address address, byte[] code) {
    Account a = getOrCreate(address);
    byte[] oldCode = a.code;
    Hash oldHash = a.codeHash;
    a.code = code;
    a.codeHash = code.length == 0 ? Keccak.EMPTY : Keccak.hash(code);
    journal.add(
        () -> {
          a.code = oldCode;
          a.codeHash = oldHash;
        });
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    Account a = getOrCreate(address);
    UInt256 old = a.storage.getOrDefault(key, UInt256.ZERO);
    originals.putIfAbsent(new SlotKey(address, key), old);
    putSlot(a.storage, key, value);
    journal.add(() -> putSlot(a.storage, key, old));
  }

  private static void putSlot(Map<UInt256, UInt256> storage, UInt256 key, UInt256 value) {
    if (value.isZero()) {
      storage.remove(key);
    } else {
      storage.put(key, value);
    }
  }

  @Override
  public void deleteAccount(Address address) {
    Account removed = accounts.remove(address);
    if (removed != null) {
      journal.add(() -> accounts.put(address, removed));
    }
  }

  @Override
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.add(() -> touched.remove(address));
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
    UInt256 old = transientStorage.getOrDefault(slot, UInt256.ZERO);
    putTransient(slot, value);
    journal.add(() -> putTransient(slot, old));
  }

  private void putTransient(SlotKey slot, UInt256 value) {
    if (value.isZero()) {
      transientStorage.remove(slot);
    } else {
      transientStorage.put(slot, value);
    }
  }

  @Override
  public int snapshot() {
    return journal.size();
  }

  @Override
  public void revertToSnapshot(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      journal.remove(i).run();
    }
  }

  @Override
  public void commitTransaction() {
    journal.clear();
    originals.clear();
    transientStorage.clear();
    touched.clear();
  }
}
