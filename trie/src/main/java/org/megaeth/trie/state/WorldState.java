package org.megaeth.trie.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.internal.ParallelTasks;
import org.megaeth.trie.patricia.FrozenSecureTrie;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;
import org.megaeth.trie.patricia.Witness;
import org.megaeth.trie.patricia.WitnessRecorder;
import org.megaeth.trie.state.JournalEntry.AccountWrite;
import org.megaeth.trie.state.JournalEntry.StorageWipe;
import org.megaeth.trie.state.JournalEntry.StorageWrite;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.StateBatch;
import org.megaeth.trie.store.StateStore;

/**
 * The Ethereum world state: an account trie keyed by keccak(address), one storage trie per account
 * keyed by keccak(slot), and a code store keyed by code hash.
 *
 * <p>Three layers. Pending changes (since the last {@link #computeRoot}) sit in maps with a
 * journal, so a call frame can {@link #checkpoint()} and {@link #revertTo}. Committed values are
 * read by key, not by walking the tries: a hash-table lookup instead of a keccak of the key and a
 * walk down the trie. The tries change only in {@link #computeRoot}, which applies the pending
 * changes as one batch per trie, storage tries in parallel, and re-hashes only the changed paths.
 *
 * <p>A full state ({@link #create}) holds every account and slot once, in its in-memory tries,
 * whose leaves keep their keys and are indexed by them ({@link SecureMerklePatriciaTrie#get}): the
 * tries are the flat state, so no second copy of it is kept (docs/benchmarks.md, "world state
 * memory"). A stateless one ({@link #fromWitness}) reads through to partial tries built from a
 * witness and caches what it read in flat maps; a read or update the witness does not cover throws
 * {@code MissingTrieNodeException} (or {@link MissingCodeException}), never a wrong value.
 *
 * <p>A stored state ({@link #load}) is the stateless kind over a {@link StateStore} instead of a
 * witness: the tries load their nodes from the store by path as they are walked, the flat maps
 * cache what was read, and nothing is ever missing. Its memory is bounded: {@link #commitNodes}
 * hands the changes since the last commit to the caller to write (with the block they belong to),
 * and {@link #trimToStore} then forgets the trie nodes and cached values once they exceed a budget,
 * to be read again from the store. The same trie code serves all three kinds; only where a node
 * comes from differs. A full state can be written to a store too: its first {@link #commitNodes}
 * returns every node and code, later ones the changes.
 *
 * <p>Accounts read mid-block carry the storage root of the last {@link #computeRoot}. Not
 * thread-safe; the executor overloads spread one call over the caller's threads.
 */
public final class WorldState {
  private SecureMerklePatriciaTrie accountTrie;
  private final Map<Address, SecureMerklePatriciaTrie> storageTries = new HashMap<>();

  /**
   * The committed storage tries again, frozen, in a persistent map (full states only): what {@link
   * #freeze()} hands out in O(1). Updated at each commit for the accounts whose storage changed.
   * Holds only non-empty tries.
   */
  private PersistentMap<Address, FrozenSecureTrie> frozenStorage = PersistentMap.empty();

  /**
   * Code by hash. Only ever added to, and concurrent in a full state so that frozen views on other
   * threads can read it while blocks add code.
   */
  private final Map<Hash, Bytes> codes;

  /** Witness nodes for building storage tries on demand; null in a full or stored state. */
  private final Map<Hash, Bytes> witnessNodes;

  /** Where a stored state's nodes and codes live; null in a full or stateless state. */
  private final StateStore store;

  /**
   * Cached entries and written keys a stored state keeps before {@link #trimToStore} drops them.
   */
  private final int cacheBudget;

  /**
   * The root the node store holds, as of the last {@link #commitNodes} or {@link #load}; null while
   * this state has never been stored.
   */
  private Hash storedRoot;

  /**
   * Accounts whose storage namespace must be removed at the next {@link #commitNodes} (deleted, or
   * storage wiped, with a non-empty storage trie stored), and codes not yet handed out: tracked
   * only once the state is stored (a first commit of a full state writes everything), so the
   * sequencer's in-memory state pays nothing for it.
   */
  private final Set<Address> clearedStorage = new HashSet<>();

  private final Map<Hash, Bytes> unsavedCodes = new HashMap<>();

  /** Slots and accounts written since the last {@link #trimToStore} that dropped the tries. */
  private long writesSinceTrim;

  /**
   * True in a full state: the tries hold everything and are read by key, and the two maps below
   * stay empty. In a stateless state the maps cache trie reads, absence included (a null value).
   */
  private final boolean flatIsComplete;

  private final Map<Address, Account> accounts = new HashMap<>();
  private final Map<Address, Map<UInt256, UInt256>> storage = new HashMap<>();

  private final Map<Address, Account> pendingAccounts = new HashMap<>();
  private final Map<Address, Map<UInt256, UInt256>> pendingStorage = new HashMap<>();
  private final Set<Address> pendingWipes = new HashSet<>();
  private final List<JournalEntry> journal = new ArrayList<>();

  private Hash root;
  private Recording recording;

  /** What the last {@link #computeRoot} replaced, for {@link #undoLastCommit}; null when none. */
  private CommitUndo lastCommit;

  private WorldState(
      SecureMerklePatriciaTrie accountTrie,
      Map<Hash, Bytes> codes,
      Map<Hash, Bytes> witnessNodes,
      StateStore store,
      int cacheBudget,
      Hash root) {
    this.accountTrie = accountTrie;
    this.codes = codes;
    this.witnessNodes = witnessNodes;
    this.store = store;
    this.cacheBudget = cacheBudget;
    this.flatIsComplete = witnessNodes == null && store == null;
    this.root = root;
    this.storedRoot = store == null ? null : root;
  }

  /** An empty state held in memory. */
  public static WorldState create() {
    return new WorldState(
        SecureMerklePatriciaTrie.create(),
        new ConcurrentHashMap<>(),
        null,
        null,
        0,
        MerklePatriciaTrie.EMPTY_TRIE_ROOT);
  }

  /**
   * A full state over tries built elsewhere ({@link WorldStateBuilder}): every trie hashed, every
   * storage trie non-empty, {@code root} the account trie's root.
   */
  static WorldState fromTries(
      SecureMerklePatriciaTrie accountTrie,
      Map<Address, SecureMerklePatriciaTrie> storageTries,
      Map<Hash, Bytes> codes,
      Hash root) {
    WorldState state =
        new WorldState(accountTrie, new ConcurrentHashMap<>(codes), null, null, 0, root);
    storageTries.forEach(
        (address, trie) -> {
          state.storageTries.put(address, trie);
          state.frozenStorage = state.frozenStorage.put(address, trie.freeze());
        });
    return state;
  }

  /** A stateless state over a witness, for a verifier that holds nothing else. */
  public static WorldState fromWitness(StateWitness witness) {
    return new WorldState(
        SecureMerklePatriciaTrie.fromWitness(witness.root(), witness.nodes()),
        new HashMap<>(witness.codes()),
        witness.nodes(),
        null,
        0,
        witness.root());
  }

  /** The default {@link #load} cache budget: entries (accounts, slots, written keys). */
  public static final int DEFAULT_CACHE_BUDGET = 200_000;

  /** A stored state with the default cache budget. */
  public static WorldState load(Hash root, StateStore store) {
    return load(root, store, DEFAULT_CACHE_BUDGET);
  }

  /**
   * The state with root {@code root} in {@code store}, read lazily: nothing is loaded here. The
   * caller checks that the store holds that root (a node that does not hash to what its parent
   * expects is a {@code MissingTrieNodeException}, never a wrong value).
   *
   * @param cacheBudget how many cached accounts and slots, plus keys written since the tries were
   *     last dropped, {@link #trimToStore} lets the state keep in memory
   */
  public static WorldState load(Hash root, StateStore store, int cacheBudget) {
    if (cacheBudget < 0) {
      throw new IllegalArgumentException("negative cache budget " + cacheBudget);
    }
    return new WorldState(
        SecureMerklePatriciaTrie.load(root, store.accountTrie()),
        new HashMap<>(),
        null,
        store,
        cacheBudget,
        root);
  }

  /** Whether this is a stored state over {@code store}. */
  public boolean isStoredIn(StateStore store) {
    return this.store != null && this.store == store;
  }

  /** The root the store holds for this state, when it has been stored or loaded. */
  public Optional<Hash> storedRoot() {
    return Optional.ofNullable(storedRoot);
  }

  /** The root as of the last {@link #computeRoot} (or the witness's root). */
  public Hash rootHash() {
    return root;
  }

  /**
   * A read-only view of the state as of the last {@link #computeRoot}, which other threads may read
   * while this state goes on executing and committing blocks; see {@link FrozenState}. O(1): it
   * shares the tries (immutable once hashed) and the persistent map of storage tries, and copies
   * nothing. Call it on the thread that owns this state, between blocks.
   *
   * @throws IllegalStateException when changes are pending (the view would not match any root) or
   *     this is a stateless state over a witness or a stored state (neither is all in memory)
   */
  public FrozenState freeze() {
    if (!flatIsComplete) {
      throw new IllegalStateException(
          store == null
              ? "cannot freeze a stateless state"
              : "cannot freeze a stored state (it is not all in memory)");
    }
    requireNoPendingChanges("freeze");
    return new FrozenState(root, accountTrie.freeze(), frozenStorage, codes);
  }

  // ---------------------------------------------------------------- reads

  public Optional<Account> getAccount(Address address) {
    if (pendingAccounts.containsKey(address)) {
      return Optional.ofNullable(pendingAccounts.get(address));
    }
    return Optional.ofNullable(committedAccount(address));
  }

  /** The slot's value; zero for an absent slot or account. */
  public UInt256 getStorage(Address address, UInt256 slot) {
    Map<UInt256, UInt256> pending = pendingStorage.get(address);
    if (pending != null) {
      UInt256 value = pending.get(slot);
      if (value != null) {
        return value;
      }
    }
    if (pendingWipes.contains(address)) {
      return UInt256.ZERO;
    }
    return committedStorage(address, slot);
  }

  /** The account's code; empty for an absent account or one without code. */
  public Bytes getCode(Address address) {
    Optional<Account> account = getAccount(address);
    if (account.isEmpty() || !account.get().hasCode()) {
      return Bytes.EMPTY;
    }
    Hash codeHash = account.get().codeHash();
    Bytes code = codes.get(codeHash);
    if (code == null && store != null) {
      code = store.code(codeHash).orElse(null);
      if (code != null) {
        codes.put(codeHash, code);
      }
    }
    if (code == null) {
      throw new MissingCodeException(address, codeHash);
    }
    if (recording != null) {
      recording.codes.put(codeHash, code);
    }
    return code;
  }

  private Account committedAccount(Address address) {
    if (recording != null && recording.accounts.add(address)) {
      accountTrie.get(address.bytes()); // puts the account's trie path into the witness
    }
    if (flatIsComplete) {
      return accountTrie.getUnrecorded(address.bytes()).map(Account::decode).orElse(null);
    }
    Account account = accounts.get(address);
    if (account != null || accounts.containsKey(address)) {
      return account;
    }
    account = accountTrie.get(address.bytes()).map(Account::decode).orElse(null);
    accounts.put(address, account);
    return account;
  }

  private UInt256 committedStorage(Address address, UInt256 slot) {
    if (flatIsComplete && recording == null) {
      // Every account with storage has its trie here (no decoding of the account to find out).
      SecureMerklePatriciaTrie trie = storageTries.get(address);
      return trie == null
          ? UInt256.ZERO
          : trie.getUnrecorded(slotKey(slot)).map(WorldState::decodeSlotValue).orElse(UInt256.ZERO);
    }
    Account account = committedAccount(address);
    if (account == null || account.storageRoot().equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      return UInt256.ZERO;
    }
    if (recording != null
        && recording.slots.computeIfAbsent(address, a -> new HashSet<>()).add(slot)) {
      storageTrie(address, account).get(slotKey(slot));
    }
    if (flatIsComplete) {
      return storageTrie(address, account)
          .getUnrecorded(slotKey(slot))
          .map(WorldState::decodeSlotValue)
          .orElse(UInt256.ZERO);
    }
    Map<UInt256, UInt256> slots = storage.get(address);
    UInt256 value = slots == null ? null : slots.get(slot);
    if (value != null || (slots != null && slots.containsKey(slot))) {
      return value == null ? UInt256.ZERO : value;
    }
    value =
        storageTrie(address, account)
            .get(slotKey(slot))
            .map(WorldState::decodeSlotValue)
            .orElse(UInt256.ZERO);
    storage.computeIfAbsent(address, a -> new HashMap<>()).put(slot, value);
    return value;
  }

  // ---------------------------------------------------------------- writes

  public void setNonce(Address address, long nonce) {
    writeAccount(address, current(address).withNonce(nonce));
  }

  public void setBalance(Address address, Wei balance) {
    writeAccount(address, current(address).withBalance(balance));
  }

  public void setCode(Address address, Bytes code) {
    Hash codeHash = Keccak.hash(code);
    if (!code.isEmpty() && codes.putIfAbsent(codeHash, code.copy()) == null && isTracking()) {
      unsavedCodes.put(codeHash, codes.get(codeHash));
    }
    writeAccount(address, current(address).withCodeHash(codeHash));
  }

  /** Sets a slot; zero removes it. Creates the account if it does not exist. */
  public void setStorage(Address address, UInt256 slot, UInt256 value) {
    if (getAccount(address).isEmpty()) {
      writeAccount(address, Account.EMPTY);
    }
    Map<UInt256, UInt256> pending = pendingStorage.computeIfAbsent(address, a -> new HashMap<>());
    journal.add(new StorageWrite(address, slot, pending.get(slot)));
    pending.put(slot, value);
  }

  /**
   * Creates the account afresh (contract creation): nonce 0, no code, no storage; a balance already
   * sent to the address is kept.
   */
  public void createAccount(Address address) {
    Wei balance = getAccount(address).map(Account::balance).orElse(Wei.ZERO);
    wipeStorage(address);
    writeAccount(address, Account.EMPTY.withBalance(balance));
  }

  /** Deletes the account and its storage (SELFDESTRUCT in its creating transaction, EIP-161). */
  public void deleteAccount(Address address) {
    wipeStorage(address);
    writeAccount(address, null);
  }

  private Account current(Address address) {
    return getAccount(address).orElse(Account.EMPTY);
  }

  private void writeAccount(Address address, Account account) {
    journal.add(
        new AccountWrite(
            address, pendingAccounts.containsKey(address), pendingAccounts.get(address)));
    pendingAccounts.put(address, account);
  }

  private void wipeStorage(Address address) {
    journal.add(
        new StorageWipe(address, pendingWipes.contains(address), pendingStorage.remove(address)));
    pendingWipes.add(address);
  }

  // ---------------------------------------------------------------- journal

  /** A point to {@link #revertTo}: the changes made after it can be undone. */
  public int checkpoint() {
    return journal.size();
  }

  /** Undoes every change made since {@code checkpoint}. */
  public void revertTo(int checkpoint) {
    if (checkpoint < 0 || checkpoint > journal.size()) {
      throw new IllegalArgumentException(
          "no checkpoint " + checkpoint + " (journal has " + journal.size() + " entries)");
    }
    while (journal.size() > checkpoint) {
      switch (journal.removeLast()) {
        case AccountWrite w -> {
          if (w.hadPending()) {
            pendingAccounts.put(w.address(), w.previous());
          } else {
            pendingAccounts.remove(w.address());
          }
        }
        case StorageWrite w -> {
          Map<UInt256, UInt256> pending = pendingStorage.get(w.address());
          if (w.previous() == null) {
            pending.remove(w.slot());
          } else {
            pending.put(w.slot(), w.previous());
          }
        }
        case StorageWipe w -> {
          if (!w.wasWiped()) {
            pendingWipes.remove(w.address());
          }
          if (w.previousSlots() == null) {
            pendingStorage.remove(w.address());
          } else {
            pendingStorage.put(w.address(), w.previousSlots());
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- root

  public Hash computeRoot() {
    return computeRoot(null);
  }

  /**
   * Applies the pending changes to the tries and the flat maps and returns the new state root.
   * Storage tries are updated and hashed in parallel on {@code executor}, then the account trie
   * ({@code null}: all on the calling thread). Clears the journal. If a needed trie node is missing
   * (a stateless state), throws and leaves the tries unchanged, but the state must then be dropped.
   */
  public Hash computeRoot(Executor executor) {
    Set<Address> touched = new LinkedHashSet<>(pendingAccounts.keySet());
    touched.addAll(pendingStorage.keySet());
    touched.addAll(pendingWipes);

    List<StorageUpdate> updates = new ArrayList<>();
    Map<Bytes, Bytes> accountChanges = new HashMap<>();
    boolean tracking = isTracking();
    List<Address> cleared = tracking ? new ArrayList<>() : List.of();
    for (Address address : touched) {
      Account account =
          pendingAccounts.containsKey(address)
              ? pendingAccounts.get(address)
              : committedAccount(address);
      if (tracking && (account == null || pendingWipes.contains(address))) {
        Account before = committedAccount(address);
        if (before != null && !before.storageRoot().equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
          cleared.add(address); // its stored storage trie goes, by one range delete
        }
      }
      if (account == null) {
        accountChanges.put(address.bytes(), Bytes.EMPTY);
        continue;
      }
      boolean wiped = pendingWipes.contains(address);
      Map<UInt256, UInt256> slots = pendingStorage.getOrDefault(address, Map.of());
      if (wiped || !slots.isEmpty()) {
        SecureMerklePatriciaTrie trie =
            wiped ? newStorageTrie() : storageTrie(address, committedAccount(address));
        updates.add(new StorageUpdate(address, trie, slots));
      } else {
        accountChanges.put(address.bytes(), account.encode());
      }
    }
    CommitUndo undo = new CommitUndo(accountTrie.copy(), root);
    undo.frozenStorage = frozenStorage;
    undo.clearedStorage = tracking ? Set.copyOf(clearedStorage) : null;
    for (Address address : touched) {
      undo.remember(address, this);
    }
    ParallelTasks.run(
        executor,
        updates.stream().map(u -> (Runnable) () -> u.apply(executor)).toArray(Runnable[]::new));
    Map<Address, Account> finalAccounts = new HashMap<>();
    for (StorageUpdate update : updates) {
      Account account = current(update.address).withStorageRoot(update.root);
      finalAccounts.put(update.address, account);
      accountChanges.put(update.address.bytes(), account.encode());
    }
    accountTrie.apply(accountChanges, executor);
    root = accountTrie.rootHash(executor);

    for (Address address : touched) {
      foldIntoFlatState(address, finalAccounts);
    }
    for (StorageUpdate update : updates) {
      storageTries.put(update.address, update.trie);
      if (flatIsComplete) {
        frozenStorage =
            update.trie.isEmpty()
                ? frozenStorage.remove(update.address)
                : frozenStorage.put(update.address, update.trie.freeze());
      }
    }
    clearedStorage.addAll(cleared);
    if (store != null) {
      writesSinceTrim += touched.size();
      for (Map<UInt256, UInt256> slots : pendingStorage.values()) {
        writesSinceTrim += slots.size();
      }
    }
    pendingAccounts.clear();
    pendingStorage.clear();
    pendingWipes.clear();
    journal.clear();
    lastCommit = undo;
    return root;
  }

  /**
   * Puts the state back as it was before the last {@link #computeRoot}: for a block whose new root
   * (or anything checked after it) turned out wrong, so the block leaves no trace. Only the latest
   * commit can be undone, once, and only while no change is pending.
   */
  public void undoLastCommit() {
    if (lastCommit == null) {
      throw new IllegalStateException("no commit to undo");
    }
    requireNoPendingChanges("undo a commit");
    lastCommit.restore(this);
    lastCommit = null;
  }

  /**
   * What a commit replaced. Tries are persistent (a copy shares every node), so keeping the old
   * account trie and each old storage trie costs O(1); of the flat maps it keeps the previous entry
   * of each touched account and the previous value of each changed slot, so an undo costs what the
   * commit changed, not the size of the state.
   */
  private static final class CommitUndo {
    /** Marks "there was no entry" in the maps below, where null would be ambiguous. */
    private static final Object ABSENT = new Object();

    final SecureMerklePatriciaTrie accountTrie;
    final Hash root;
    final Map<Address, Object> accounts = new HashMap<>();
    final Map<Address, Object> slotMaps = new HashMap<>();
    final Map<Address, Map<UInt256, Object>> slots = new HashMap<>();
    final Map<Address, Object> storageTries = new HashMap<>();
    PersistentMap<Address, FrozenSecureTrie> frozenStorage;
    Set<Address> clearedStorage;

    CommitUndo(SecureMerklePatriciaTrie accountTrie, Hash root) {
      this.accountTrie = accountTrie;
      this.root = root;
    }

    void remember(Address address, WorldState state) {
      accounts.put(address, previous(state.accounts, address));
      Map<UInt256, UInt256> flat = state.storage.get(address);
      slotMaps.put(address, flat == null ? ABSENT : flat);
      Map<UInt256, UInt256> changed = state.pendingStorage.get(address);
      if (flat != null && changed != null) {
        Map<UInt256, Object> old = new HashMap<>();
        changed.keySet().forEach(slot -> old.put(slot, previous(flat, slot)));
        slots.put(address, old);
      }
      SecureMerklePatriciaTrie trie = state.storageTries.get(address);
      storageTries.put(address, trie == null ? ABSENT : trie.copy());
    }

    private static <K> Object previous(Map<K, ?> map, K key) {
      return map.containsKey(key) ? map.get(key) : ABSENT;
    }

    @SuppressWarnings("unchecked")
    void restore(WorldState state) {
      state.accountTrie = accountTrie;
      state.root = root;
      state.frozenStorage = frozenStorage;
      if (clearedStorage != null) {
        state.clearedStorage.clear();
        state.clearedStorage.addAll(clearedStorage);
      }
      accounts.forEach((address, old) -> put(state.accounts, address, (Account) unwrap(old), old));
      slotMaps.forEach(
          (address, old) -> put(state.storage, address, (Map<UInt256, UInt256>) unwrap(old), old));
      slots.forEach(
          (address, old) -> {
            Map<UInt256, UInt256> flat = state.storage.get(address);
            old.forEach((slot, value) -> put(flat, slot, (UInt256) unwrap(value), value));
          });
      storageTries.forEach(
          (address, old) ->
              put(state.storageTries, address, (SecureMerklePatriciaTrie) unwrap(old), old));
    }

    private static Object unwrap(Object old) {
      return old == ABSENT ? null : old;
    }

    private static <K, V> void put(Map<K, V> map, K key, V value, Object old) {
      if (old == ABSENT) {
        map.remove(key);
      } else {
        map.put(key, value);
      }
    }
  }

  private void foldIntoFlatState(Address address, Map<Address, Account> finalAccounts) {
    Account account =
        finalAccounts.containsKey(address)
            ? finalAccounts.get(address)
            : pendingAccounts.containsKey(address)
                ? pendingAccounts.get(address)
                : flatIsComplete
                    ? accountTrie.getUnrecorded(address.bytes()).map(Account::decode).orElse(null)
                    : accounts.get(address);
    if (account == null) {
      storageTries.remove(address);
      frozenStorage = frozenStorage.remove(address);
      if (!flatIsComplete) {
        storage.remove(address);
        accounts.put(address, null);
      }
      return;
    }
    if (flatIsComplete) {
      return; // the tries, just updated, are the flat state
    }
    accounts.put(address, account);
    if (pendingWipes.contains(address)) {
      // Stateless: later misses read the account's new storage trie, which is all in memory.
      storage.remove(address);
    }
    Map<UInt256, UInt256> slots = pendingStorage.get(address);
    if (slots != null && !slots.isEmpty()) {
      // A zero is cached too: it is what the trie now says.
      storage.computeIfAbsent(address, a -> new HashMap<>()).putAll(slots);
    }
  }

  /**
   * The fewest slots of one account whose update is itself spread over the executor: below it, the
   * hand-off (a task per first nibble, a latch) costs more than it saves. A 10,000-slot block of
   * one contract takes ~60 ms on one thread (docs/benchmarks.md, "batched updates"), 128 slots ~1
   * ms.
   */
  static final int PARALLEL_SLOTS = 128;

  /** One account's storage changes, applied to its trie on a worker thread. */
  private static final class StorageUpdate {
    final Address address;
    final SecureMerklePatriciaTrie trie;
    final Map<UInt256, UInt256> slots;
    Hash root;

    StorageUpdate(Address address, SecureMerklePatriciaTrie trie, Map<UInt256, UInt256> slots) {
      this.address = address;
      this.trie = trie;
      this.slots = slots;
    }

    /**
     * Applies the slots and hashes the trie, on {@code executor}'s threads too when there are at
     * least {@link #PARALLEL_SLOTS} of them: a block that writes mostly one contract (a token under
     * load) would otherwise hash its largest trie on one thread while the others wait.
     */
    void apply(Executor executor) {
      Executor hashing = slots.size() >= PARALLEL_SLOTS ? executor : null;
      // Straight into arrays: a map keyed by Bytes would hash every key again (a tenth of a
      // 10,000-slot block's update once; docs/benchmarks.md, "batched updates").
      byte[][] keys = new byte[slots.size()][];
      byte[][] values = new byte[keys.length][];
      int i = 0;
      for (Map.Entry<UInt256, UInt256> e : slots.entrySet()) {
        keys[i] = slotKeyArray(e.getKey());
        values[i] = encodeSlotValue(e.getValue()).toArrayUnsafe();
        i++;
      }
      trie.apply(keys, values, hashing);
      root = trie.rootHash(hashing);
    }
  }

  // ---------------------------------------------------------------- storing

  /**
   * Whether writes since the last {@link #commitNodes} are tracked (see {@link #clearedStorage}).
   */
  private boolean isTracking() {
    return store != null || storedRoot != null;
  }

  /**
   * Hashes the tries and returns the writes that bring a store from the last stored version of this
   * state (for a full state never stored: from nothing) to the current one; the tries then treat
   * those nodes as stored. Call it with no pending changes, after the block's {@link #computeRoot},
   * and write the batch, all or nothing, before using the state further: if the write fails, drop
   * this state and load it again from the store. Ends the chance to {@link #undoLastCommit}.
   *
   * @throws IllegalStateException with pending changes, or for a state over a witness
   */
  public StateBatch commitNodes() {
    if (witnessNodes != null) {
      throw new IllegalStateException("a state over a witness cannot be stored");
    }
    requireNoPendingChanges("commit nodes");
    boolean first = !isTracking();
    NodeBatch accounts = accountTrie.commit();
    Map<Hash, NodeBatch> storageBatches = new HashMap<>();
    // Tries touched since the last trim (stored) or all of them (full): an unchanged one costs
    // O(1).
    storageTries.forEach(
        (address, trie) -> {
          NodeBatch batch = trie.commit();
          if (!batch.isEmpty()) {
            storageBatches.put(accountHash(address), batch);
          }
        });
    Set<Hash> cleared = new HashSet<>();
    for (Address address : clearedStorage) {
      cleared.add(accountHash(address));
    }
    StateBatch batch =
        new StateBatch(accounts, storageBatches, cleared, first ? Map.copyOf(codes) : unsavedCodes);
    clearedStorage.clear();
    unsavedCodes.clear();
    storedRoot = root;
    lastCommit = null;
    return batch;
  }

  /**
   * For a stored state, once the last {@link #commitNodes} batch is written: when the values cached
   * and the keys written since the last trim exceed the cache budget, forgets the trie nodes and
   * cached values, which are read again from the store when needed. This is what keeps a stored
   * state's memory bounded whatever the size of the state. Does nothing for other states.
   *
   * @throws IllegalStateException when changes are not committed to the store yet
   */
  public void trimToStore() {
    if (store == null) {
      return;
    }
    requireNoPendingChanges("trim");
    if (!root.equals(storedRoot)) {
      throw new IllegalStateException("cannot trim: the state has changes not committed to store");
    }
    long cached = accounts.size() + writesSinceTrim + codes.size();
    for (Map<UInt256, UInt256> slots : storage.values()) {
      cached += slots.size();
    }
    if (cached <= cacheBudget) {
      return;
    }
    accountTrie = SecureMerklePatriciaTrie.load(root, store.accountTrie());
    storageTries.clear();
    accounts.clear();
    storage.clear();
    codes.clear();
    writesSinceTrim = 0;
  }

  private static Hash accountHash(Address address) {
    return Keccak.hash(address.bytes());
  }

  // ---------------------------------------------------------------- witnesses

  /**
   * Starts recording the pre-state trie nodes that reads and the next {@link #computeRoot} touch,
   * and the codes read. Call at a block's start, with no pending changes.
   */
  public void startRecording() {
    if (recording != null) {
      throw new IllegalStateException("already recording");
    }
    requireNoPendingChanges("start recording");
    accountTrie.startRecording();
    recording = new Recording();
  }

  public boolean isRecordingWitness() {
    return recording != null;
  }

  /** Stops recording (after {@link #computeRoot}) and returns the witness. */
  public StateWitness stopRecording() {
    return endRecording().encode();
  }

  /**
   * Stops recording (after {@link #computeRoot}) and returns what was recorded, to be encoded into
   * the witness later, on any thread, while this state is changed again (a block's seal hands the
   * encoding to a pool and production goes on).
   */
  public RecordedWitness endRecording() {
    if (recording == null) {
      throw new IllegalStateException("not recording");
    }
    requireNoPendingChanges("stop recording");
    List<WitnessRecorder> tries = new ArrayList<>();
    tries.add(accountTrie.endRecording());
    for (SecureMerklePatriciaTrie trie : recording.storageTries) {
      if (trie.isRecording()) {
        tries.add(trie.endRecording());
      }
    }
    RecordedWitness recorded = new RecordedWitness(tries, recording.codes);
    recording = null;
    return recorded;
  }

  /**
   * What a recording saw: the account trie's recording first, then the storage tries', and the
   * codes read.
   */
  public record RecordedWitness(List<WitnessRecorder> tries, Map<Hash, Bytes> codes) {
    /** The witness: the recorded nodes of all tries, encoded, and the codes. */
    public StateWitness encode() {
      Witness accountWitness = tries.get(0).finish();
      Map<Hash, Bytes> nodes = new HashMap<>(accountWitness.nodes());
      for (WitnessRecorder trie : tries.subList(1, tries.size())) {
        nodes.putAll(trie.finish().nodes());
      }
      return new StateWitness(accountWitness.root(), nodes, codes);
    }
  }

  private void requireNoPendingChanges(String action) {
    if (!journal.isEmpty() || !pendingAccounts.isEmpty() || !pendingWipes.isEmpty()) {
      throw new IllegalStateException("cannot " + action + " with pending changes");
    }
  }

  /** What a recording has seen so far; reads are sent to the tries once per key. */
  private static final class Recording {
    final Set<Address> accounts = new HashSet<>();
    final Map<Address, Set<UInt256>> slots = new HashMap<>();
    final Map<Hash, Bytes> codes = new HashMap<>();
    final List<SecureMerklePatriciaTrie> storageTries = new ArrayList<>();
  }

  // ---------------------------------------------------------------- storage tries

  /** The committed storage trie of an existing account, recording if a witness is being taken. */
  private SecureMerklePatriciaTrie storageTrie(Address address, Account committed) {
    SecureMerklePatriciaTrie trie = storageTries.get(address);
    if (trie == null) {
      Hash storageRoot =
          committed == null ? MerklePatriciaTrie.EMPTY_TRIE_ROOT : committed.storageRoot();
      if (storageRoot.equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
        trie = SecureMerklePatriciaTrie.create();
      } else if (store != null) {
        trie = SecureMerklePatriciaTrie.load(storageRoot, store.storageTrie(accountHash(address)));
      } else if (witnessNodes != null) {
        trie = SecureMerklePatriciaTrie.fromWitness(storageRoot, witnessNodes);
      } else {
        trie = SecureMerklePatriciaTrie.create(); // a full state holds every non-empty trie
      }
      storageTries.put(address, trie);
    }
    if (recording != null && !trie.isRecording()) {
      trie.startRecording();
      recording.storageTries.add(trie);
    }
    return trie;
  }

  private static SecureMerklePatriciaTrie newStorageTrie() {
    return SecureMerklePatriciaTrie.create();
  }

  static Bytes slotKey(UInt256 slot) {
    return Bytes.wrap(slotKeyArray(slot));
  }

  /** {@link #slotKey} as its own array. */
  private static byte[] slotKeyArray(UInt256 slot) {
    return slot.toBytes32();
  }

  /** Storage values are stored as RLP of the value with leading zeros trimmed; zero is absent. */
  static Bytes encodeSlotValue(UInt256 value) {
    return value.isZero() ? Bytes.EMPTY : Rlp.encodeBytes(Bytes.wrap(value.toMinimalBytes()));
  }

  /**
   * A slot value, read on every committed storage read: the canonical form directly, anything else
   * through the general RLP reader, which accepts or rejects it.
   */
  static UInt256 decodeSlotValue(Bytes rlp) {
    int size = rlp.size();
    int b0 = rlp.get(0) & 0xFF;
    if (size == 1 && b0 > 0 && b0 < 0x80) {
      return UInt256.valueOf(b0);
    }
    if (b0 > 0x80 && b0 <= 0xa0 && size == b0 - 0x7f) {
      int first = rlp.get(1) & 0xFF;
      if (first != 0 && (size > 2 || first >= 0x80)) {
        long u3 = 0;
        long u2 = 0;
        long u1 = 0;
        long u0 = 0;
        for (int i = 1; i < size; i++) { // shift the 256-bit value left by a byte, add the next
          u3 = (u3 << 8) | (u2 >>> 56);
          u2 = (u2 << 8) | (u1 >>> 56);
          u1 = (u1 << 8) | (u0 >>> 56);
          u0 = (u0 << 8) | (rlp.get(i) & 0xFF);
        }
        return new UInt256(u3, u2, u1, u0);
      }
    }
    return Rlp.decode(rlp, r -> r.readUInt256());
  }
}
