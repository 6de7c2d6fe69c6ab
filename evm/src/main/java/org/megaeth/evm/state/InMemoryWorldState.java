package org.megaeth.evm.state;

import java.util.ArrayList;
import java.util.Arrays;
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
 * A {@link WorldState} held in hash maps, with an undo journal. Good for tests, state tests, tools
 * and benchmarks; the production state is trie-backed.
 *
 * <p>Hot on every transaction: benchmark before refactoring ({@code
 * benchmarks/.../evm/Erc20TransferBenchmark}, {@code UniswapV2SwapBenchmark}). The journal is a set
 * of parallel arrays rather than a list of closures, so recording a change allocates nothing;
 * original storage values (EIP-2200) live beside each account's storage, so looking one up hashes
 * the slot key only; and the last account looked up is remembered, since a contract reads and
 * writes its own account many times in a row.
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

    /** Slot values when the current transaction began, recorded on the first write; or null. */
    Map<UInt256, UInt256> originals;

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

  // Journal entry kinds: what to undo.
  private static final byte CREATED = 0; // a: address
  private static final byte DELETED = 1; // a: address, b: the removed account
  private static final byte NONCE = 2; // a: account, n: old nonce
  private static final byte BALANCE = 3; // a: account, b: old balance
  private static final byte CODE = 4; // a: account, b: old code, c: old code hash
  private static final byte STORAGE = 5; // a: account, b: key, c: old value
  private static final byte TOUCHED = 6; // a: address
  private static final byte TRANSIENT = 7; // a: slot key, b: old value

  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final Set<Address> touched = new LinkedHashSet<>();

  /** Accounts whose {@link Account#originals} were filled in the current transaction. */
  private final ArrayList<Account> withOriginals = new ArrayList<>();

  private byte[] journalKind = new byte[64];
  private Object[] journalA = new Object[64];
  private Object[] journalB = new Object[64];
  private Object[] journalC = new Object[64];
  private long[] journalN = new long[64];
  private int journalSize;

  /** The last account looked up, by address; cleared whenever {@link #accounts} changes shape. */
  private Address cachedAddress;

  private Account cachedAccount;

  /** An address known to be in {@link #touched}; cleared on revert and commit. */
  private Address lastTouched;

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
    putAccountEntry(address, a);
  }

  private Account account(Address address) {
    if (address == cachedAddress) {
      return cachedAccount;
    }
    Account a = accounts.get(address);
    if (a != null) {
      cachedAddress = address;
      cachedAccount = a;
    }
    return a;
  }

  private void putAccountEntry(Address address, Account account) {
    accounts.put(address, account);
    cachedAddress = null;
    cachedAccount = null;
  }

  private Account removeAccountEntry(Address address) {
    cachedAddress = null;
    cachedAccount = null;
    return accounts.remove(address);
  }

  @Override
  public boolean exists(Address address) {
    return account(address) != null;
  }

  @Override
  public boolean isEmpty(Address address) {
    Account a = account(address);
    return a == null || a.isEmpty();
  }

  @Override
  public long getNonce(Address address) {
    Account a = account(address);
    return a == null ? 0 : a.nonce;
  }

  @Override
  public UInt256 getBalance(Address address) {
    Account a = account(address);
    return a == null ? UInt256.ZERO : a.balance;
  }

  @Override
  public byte[] getCode(Address address) {
    Account a = account(address);
    return a == null ? NO_CODE : a.code;
  }

  @Override
  public Hash getCodeHash(Address address) {
    Account a = account(address);
    return a == null ? Keccak.EMPTY : a.codeHash;
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    Account a = account(address);
    if (a == null) {
      return UInt256.ZERO;
    }
    UInt256 value = a.storage.get(key);
    return value == null ? UInt256.ZERO : value;
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 key) {
    Account a = account(address);
    if (a == null) {
      return UInt256.ZERO;
    }
    if (a.originals != null) {
      UInt256 original = a.originals.get(key);
      if (original != null) {
        return original;
      }
    }
    UInt256 value = a.storage.get(key);
    return value == null ? UInt256.ZERO : value;
  }

  @Override
  public boolean hasStorage(Address address) {
    Account a = account(address);
    return a != null && !a.storage.isEmpty();
  }

  private Account getOrCreate(Address address) {
    Account a = account(address);
    if (a == null) {
      a = new Account();
      putAccountEntry(address, a);
      record(CREATED, address, null, null, 0);
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
    record(NONCE, a, null, null, a.nonce);
    a.nonce = nonce;
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    Account a = getOrCreate(address);
    record(BALANCE, a, a.balance, null, 0);
    a.balance = balance;
  }

  @Override
  public void setCode(Address address, byte[] code) {
    Account a = getOrCreate(address);
    record(CODE, a, a.code, a.codeHash, 0);
    a.code = code;
    a.codeHash = code.length == 0 ? Keccak.EMPTY : Keccak.hash(code);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    Account a = getOrCreate(address);
    UInt256 old = a.storage.get(key);
    if (old == null) {
      old = UInt256.ZERO;
    }
    if (a.originals == null) {
      a.originals = new HashMap<>();
    }
    if (a.originals.isEmpty()) {
      withOriginals.add(a);
    }
    a.originals.putIfAbsent(key, old);
    putSlot(a.storage, key, value);
    record(STORAGE, a, key, old, 0);
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
    Account removed = removeAccountEntry(address);
    if (removed != null) {
      record(DELETED, address, removed, null, 0);
    }
  }

  @Override
  public void touch(Address address) {
    if (address == lastTouched) {
      return;
    }
    if (touched.add(address)) {
      record(TOUCHED, address, null, null, 0);
    }
    lastTouched = address;
  }

  @Override
  public Collection<Address> touchedAccounts() {
    return Collections.unmodifiableSet(touched);
  }

  @Override
  public UInt256 getTransientStorage(Address address, UInt256 key) {
    if (transientStorage.isEmpty()) {
      return UInt256.ZERO;
    }
    return transientStorage.getOrDefault(new SlotKey(address, key), UInt256.ZERO);
  }

  @Override
  public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
    SlotKey slot = new SlotKey(address, key);
    UInt256 old = transientStorage.getOrDefault(slot, UInt256.ZERO);
    putTransient(slot, value);
    record(TRANSIENT, slot, old, null, 0);
  }

  private void putTransient(SlotKey slot, UInt256 value) {
    if (value.isZero()) {
      transientStorage.remove(slot);
    } else {
      transientStorage.put(slot, value);
    }
  }

  private void record(byte kind, Object a, Object b, Object c, long n) {
    int i = journalSize;
    if (i == journalKind.length) {
      int capacity = 2 * i;
      journalKind = Arrays.copyOf(journalKind, capacity);
      journalA = Arrays.copyOf(journalA, capacity);
      journalB = Arrays.copyOf(journalB, capacity);
      journalC = Arrays.copyOf(journalC, capacity);
      journalN = Arrays.copyOf(journalN, capacity);
    }
    journalKind[i] = kind;
    journalA[i] = a;
    journalB[i] = b;
    journalC[i] = c;
    journalN[i] = n;
    journalSize = i + 1;
  }

  @Override
  public int snapshot() {
    return journalSize;
  }

  @Override
  public void revertToSnapshot(int snapshot) {
    lastTouched = null;
    for (int i = journalSize - 1; i >= snapshot; i--) {
      Object a = journalA[i];
      Object b = journalB[i];
      switch (journalKind[i]) {
        case CREATED -> removeAccountEntry((Address) a);
        case DELETED -> putAccountEntry((Address) a, (Account) b);
        case NONCE -> ((Account) a).nonce = journalN[i];
        case BALANCE -> ((Account) a).balance = (UInt256) b;
        case CODE -> {
          ((Account) a).code = (byte[]) b;
          ((Account) a).codeHash = (Hash) journalC[i];
        }
        case STORAGE -> putSlot(((Account) a).storage, (UInt256) b, (UInt256) journalC[i]);
        case TOUCHED -> touched.remove((Address) a);
        case TRANSIENT -> putTransient((SlotKey) a, (UInt256) b);
        default -> throw new IllegalStateException("journal entry " + journalKind[i]);
      }
      journalA[i] = null;
      journalB[i] = null;
      journalC[i] = null;
    }
    journalSize = Math.min(journalSize, snapshot);
  }

  @Override
  public void commitTransaction() {
    Arrays.fill(journalA, 0, journalSize, null);
    Arrays.fill(journalB, 0, journalSize, null);
    Arrays.fill(journalC, 0, journalSize, null);
    journalSize = 0;
    for (Account a : withOriginals) {
      a.originals.clear();
    }
    withOriginals.clear();
    if (!transientStorage.isEmpty()) {
      transientStorage.clear();
    }
    touched.clear();
    lastTouched = null;
  }
}
