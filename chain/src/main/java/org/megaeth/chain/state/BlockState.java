package org.megaeth.chain.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.AccountInfo;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.PrefixSort;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.WorldState;

/**
 * The EVM's {@link org.megaeth.evm.state.WorldState} over the trie-backed {@link WorldState} for
 * the length of one block. The trie state keeps the block's pending changes and their journal; this
 * class adds what lives only within a transaction (EIP-2200 original values, EIP-1153 transient
 * storage, the EIP-161 touched set) and records, for the block, each changed account's and slot's
 * value before its first change, from which {@link #diff()} derives the block's state diff.
 *
 * <p>The pending changes live in a {@link Store}: the trie state itself, or (for a block built in
 * parallel) a concurrent overlay over it, which takes the block's writes while worker threads read.
 *
 * <p>Use a new instance per block, after the previous block's root is computed. Not thread-safe.
 */
public final class BlockState implements org.megaeth.evm.state.WorldState {
  private static final byte[] NO_CODE = new byte[0];

  /**
   * Where the block's pending changes are kept and the committed state is read: the part of the
   * trie {@link WorldState}'s interface this class uses, with its semantics (reads see pending
   * changes first; {@link #checkpoint}/{@link #revertTo} journal them).
   */
  public interface Store {
    /**
     * A store's own reference to where it keeps one account or slot, handed out to readers so that
     * repeating the access later costs no lookup: the parallel executor's workers record one with
     * each value they read, and the committing thread checks and writes through it at the
     * transaction's turn. Opaque to everyone but the store that made it. The methods that take one
     * also take null, for an access by address alone.
     */
    interface Handle {}

    Optional<Account> getAccount(Address address);

    UInt256 getStorage(Address address, UInt256 slot);

    /** {@link #getAccount(Address)} through {@code handle}, made by this store for the account. */
    default Optional<Account> getAccount(Address address, Handle handle) {
      return getAccount(address);
    }

    /** {@link #getStorage(Address, UInt256)} through {@code handle}, made for the slot. */
    default UInt256 getStorage(Address address, UInt256 slot, Handle handle) {
      return getStorage(address, slot);
    }

    /** {@link #setStorage(Address, UInt256, UInt256)} through {@code handle}, made for the slot. */
    default void setStorage(Address address, UInt256 slot, UInt256 value, Handle handle) {
      setStorage(address, slot, value);
    }

    /** {@link #setNonceAndBalance(Address, long, Wei)} through the account's {@code handle}. */
    default void setNonceAndBalance(Address address, long nonce, Wei balance, Handle handle) {
      setNonceAndBalance(address, nonce, balance);
    }

    Bytes getCode(Address address);

    void setNonce(Address address, long nonce);

    void setBalance(Address address, Wei balance);

    /** {@link #setNonce} and {@link #setBalance} in one write, where the store can. */
    default void setNonceAndBalance(Address address, long nonce, Wei balance) {
      setNonce(address, nonce);
      setBalance(address, balance);
    }

    void setCode(Address address, Bytes code);

    void setStorage(Address address, UInt256 slot, UInt256 value);

    void deleteAccount(Address address);

    int checkpoint();

    void revertTo(int checkpoint);

    /**
     * A transaction is over: nothing will be reverted to a checkpoint taken before now by this
     * class. (The trie state keeps its journal, which block execution reverts as a whole.)
     */
    default void commitTransaction() {}

    /** See {@link BlockState#markTransactionReads()}: the store's own log of reads, if any. */
    default void markTransactionReads() {}

    /** See {@link BlockState#endTransactionReads(boolean)}. */
    default void endTransactionReads(boolean keep) {}

    /** The trie state underneath, whose root is computed at the block's end. */
    WorldState trie();
  }

  /** The trie state as the store: the serial path, pending changes kept in the trie state. */
  private record TrieStore(WorldState trie) implements Store {
    @Override
    public Optional<Account> getAccount(Address address) {
      return trie.getAccount(address);
    }

    @Override
    public UInt256 getStorage(Address address, UInt256 slot) {
      return trie.getStorage(address, slot);
    }

    @Override
    public Bytes getCode(Address address) {
      return trie.getCode(address);
    }

    @Override
    public void setNonce(Address address, long nonce) {
      trie.setNonce(address, nonce);
    }

    @Override
    public void setBalance(Address address, Wei balance) {
      trie.setBalance(address, balance);
    }

    @Override
    public void setCode(Address address, Bytes code) {
      trie.setCode(address, code);
    }

    @Override
    public void setStorage(Address address, UInt256 slot, UInt256 value) {
      trie.setStorage(address, slot, value);
    }

    @Override
    public void deleteAccount(Address address) {
      trie.deleteAccount(address);
    }

    @Override
    public int checkpoint() {
      return trie.checkpoint();
    }

    @Override
    public void revertTo(int checkpoint) {
      trie.revertTo(checkpoint);
    }
  }

  private record SlotKey(Address address, UInt256 key) {}

  /** One undoable change to this class's own fields. */
  private sealed interface Undo {
    record Touched(Address address) implements Undo {}

    record Transient(SlotKey slot, UInt256 previous) implements Undo {}

    record Wiped(Address address, ChangeTracker tracker) implements Undo {}
  }

  private final Store state;

  private final Map<SlotKey, UInt256> originals = new HashMap<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final Set<Address> touched = new LinkedHashSet<>();
  private final List<Undo> journal = new ArrayList<>();

  /** Snapshot i is (journal size, trie checkpoint) at marks[2i], marks[2i+1]. */
  private int[] marks = new int[64];

  private int markCount;

  /**
   * Values before a span's first change: an account (absent if none) and each slot, and the
   * accounts deleted during the span (a later write recreates them with empty storage). One span is
   * the block; another, when open, the current mini-block.
   */
  private static final class ChangeTracker {
    final Map<Address, Optional<Account>> accountsBefore = new HashMap<>();
    final Map<Address, Map<UInt256, UInt256>> slotsBefore = new HashMap<>();
    final Set<Address> wiped = new HashSet<>();
  }

  private final ChangeTracker block = new ChangeTracker();

  /**
   * Code set during the block, by hash, for the diff (read back from the state, it would count as a
   * witness read).
   */
  private final Map<Hash, Bytes> newCode = new HashMap<>();

  private ChangeTracker miniBlock;

  /** The current mini-block's diff, being computed on another thread; null when it is not. */
  private AsyncDiff pendingMiniBlockDiff;

  /** The trie keys read or written, for a witness's {@code keys}; null when not recording. */
  private final ReadKeys accessed;

  /**
   * @param recordKeys whether to remember every account and slot accessed, for the witness
   */
  public BlockState(WorldState state, boolean recordKeys) {
    this(new TrieStore(state), recordKeys);
  }

  /**
   * Over another store than the trie state itself (the parallel builder's overlay).
   *
   * @param recordKeys whether to remember every account and slot accessed, for the witness
   */
  public BlockState(Store state, boolean recordKeys) {
    this.state = state;
    this.accessed = recordKeys ? new ReadKeys() : null;
  }

  public BlockState(WorldState state) {
    this(state, false);
  }

  /**
   * The preimages of the trie keys accessed, as a witness lists them: each address (20 bytes) and
   * each slot key (32 bytes), addresses in order, each followed by its slots in order.
   */
  public List<Bytes> accessedKeys() {
    if (accessed == null) {
      throw new IllegalStateException("keys are not being recorded");
    }
    List<Bytes> keys = new ArrayList<>();
    for (Address address : accessed.accounts().stream().sorted().toList()) {
      keys.add(address.bytes());
      Set<UInt256> slots = accessed.slots().get(address);
      if (slots != null) {
        slots.stream().sorted().forEach(slot -> keys.add(Bytes.wrap(slot.toBytes32())));
      }
    }
    return keys;
  }

  private Optional<Account> account(Address address) {
    return account(address, null);
  }

  /** {@code handle}: the store's for the account, or null. */
  private Optional<Account> account(Address address, Store.Handle handle) {
    requireNoPendingDiff();
    if (accessed != null) {
      accessed.addAccount(address);
    }
    return state.getAccount(address, handle);
  }

  private UInt256 storage(Address address, UInt256 key) {
    return storage(address, key, null);
  }

  /** {@code handle}: the store's for the slot, or null. */
  private UInt256 storage(Address address, UInt256 key, Store.Handle handle) {
    requireNoPendingDiff();
    if (accessed != null) {
      accessed.addAccount(address);
      accessed.addSlot(address, key);
    }
    return state.getStorage(address, key, handle);
  }

  /**
   * A transaction's turn begins: the keys it reads from now on are remembered, so that {@link
   * #endTransactionReads endTransactionReads(false)} can take them back out of the witness if it
   * turns out invalid (a nonce or balance check at its turn). Such a transaction is not in the
   * block, so a node re-executing the block never reads them: the witness must not list them.
   * Marking again before the end keeps what was marked (the parallel executor validates a result
   * and then may execute the transaction again).
   */
  public void markTransactionReads() {
    if (accessed != null) {
      accessed.mark();
    }
    state.markTransactionReads();
  }

  /**
   * The transaction's turn is over: its reads stay in the witness if {@code keep} (it is in the
   * block), else the keys first read since {@link #markTransactionReads()} are forgotten.
   */
  public void endTransactionReads(boolean keep) {
    if (accessed != null) {
      accessed.end(keep);
    }
    state.endTransactionReads(keep);
  }

  /** The trie-backed state underneath, for the root computation at the block's end. */
  public WorldState trieState() {
    return state.trie();
  }

  /**
   * The account, read as every account getter reads it (so the access counts for the witness): for
   * a caller that checks several fields at once, such as the parallel executor validating what a
   * transaction read.
   */
  public Optional<Account> readAccount(Address address) {
    return account(address);
  }

  /**
   * {@link #readAccount(Address)} through the store's handle for the account (see {@link
   * Store.Handle}): the same value and the same access recorded, without the store's lookup.
   */
  public Optional<Account> readAccount(Address address, Store.Handle handle) {
    return account(address, handle);
  }

  /** {@link #getStorage(Address, UInt256)} through the store's handle for the slot. */
  public UInt256 getStorage(Address address, UInt256 key, Store.Handle handle) {
    return storage(address, key, handle);
  }

  // ---------------------------------------------------------------- reads

  @Override
  public boolean exists(Address address) {
    return account(address).isPresent();
  }

  @Override
  public boolean isEmpty(Address address) {
    return account(address).map(Account::isEmpty).orElse(true);
  }

  @Override
  public long getNonce(Address address) {
    return account(address).map(Account::nonce).orElse(0L);
  }

  @Override
  public UInt256 getBalance(Address address) {
    Optional<Account> account = account(address);
    return account.isPresent() ? account.get().balance().value() : UInt256.ZERO;
  }

  @Override
  public byte[] getCode(Address address) {
    account(address);
    Bytes code = state.getCode(address);
    return code.isEmpty() ? NO_CODE : code.toArrayUnsafe();
  }

  @Override
  public Hash getCodeHash(Address address) {
    return account(address).map(Account::codeHash).orElse(Keccak.EMPTY);
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    return storage(address, key);
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 key) {
    UInt256 original = originals.get(new SlotKey(address, key));
    return original != null ? original : storage(address, key);
  }

  /**
   * EIP-7610: whether the account has storage. Like geth, this reads the storage root as of the
   * last root computation (storage cannot appear at an address without code or nonce within a
   * block), plus any slot this block set.
   */
  @Override
  public boolean hasStorage(Address address) {
    Optional<Account> account = account(address);
    if (account.isEmpty()) {
      return false;
    }
    if (!block.wiped.contains(address)
        && !account.get().storageRoot().equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      return true;
    }
    Map<UInt256, UInt256> written = block.slotsBefore.get(address);
    if (written != null) {
      for (UInt256 key : written.keySet()) {
        if (!storage(address, key).isZero()) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void createAccount(Address address) {
    if (!exists(address)) {
      rememberAccount(address);
      state.setNonce(address, 0);
    }
    touch(address);
  }

  @Override
  public void setNonce(Address address, long nonce) {
    rememberAccount(address);
    state.setNonce(address, nonce);
    touch(address);
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    rememberAccount(address);
    state.setBalance(address, Wei.of(balance));
    touch(address);
  }

  @Override
  public void setCode(Address address, byte[] code) {
    rememberAccount(address);
    Bytes wrapped = Bytes.wrap(code);
    if (code.length > 0) {
      newCode.putIfAbsent(Keccak.hash(wrapped), wrapped);
    }
    state.setCode(address, wrapped);
    touch(address);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    rememberAccount(address);
    UInt256 current = storage(address, key);
    rememberSlot(block, address, key, current);
    if (miniBlock != null) {
      rememberSlot(miniBlock, address, key, current);
    }
    originals.putIfAbsent(new SlotKey(address, key), current);
    state.setStorage(address, key, value);
    touch(address);
  }

  /**
   * Sets an account's nonce and balance as {@link #setNonce} and {@link #setBalance} would (the
   * same state, diffs and witness keys), in one write, and without marking the account touched: for
   * the final values of a transaction executed elsewhere, applied at its turn right before {@link
   * #commitTransaction} ends it (the parallel executor), where nothing reads the touched accounts
   * any more.
   */
  public void applyNonceAndBalance(Address address, long nonce, UInt256 balance) {
    applyNonceAndBalance(address, nonce, balance, null);
  }

  /**
   * {@link #applyNonceAndBalance(Address, long, UInt256)} through the store's handle for the
   * account (null: none).
   */
  public void applyNonceAndBalance(
      Address address, long nonce, UInt256 balance, Store.Handle handle) {
    rememberAccount(address, handle);
    state.setNonceAndBalance(address, nonce, Wei.of(balance), handle);
  }

  /**
   * Sets a slot as {@link #setStorage} would (the same state, diffs and witness keys), without what
   * only the rest of a transaction reads (the slot's original value, the touched account): for the
   * final values of a transaction executed elsewhere, applied at its turn right before {@link
   * #commitTransaction} ends it.
   */
  public void applyStorage(Address address, UInt256 key, UInt256 value) {
    applyStorage(address, key, value, storage(address, key));
  }

  /**
   * {@link #applyStorage(Address, UInt256, UInt256)} for a slot whose value was just read through
   * {@link #getStorage} (its key is recorded) and is {@code current}: a check of a transaction
   * executed elsewhere has read it, and nothing wrote it since.
   */
  public void applyStorage(Address address, UInt256 key, UInt256 value, UInt256 current) {
    applyStorage(address, key, value, current, null);
  }

  /**
   * {@link #applyStorage(Address, UInt256, UInt256, UInt256)} through the store's handle for the
   * slot (null: none).
   */
  public void applyStorage(
      Address address, UInt256 key, UInt256 value, UInt256 current, Store.Handle handle) {
    rememberAccount(address);
    rememberSlot(block, address, key, current);
    if (miniBlock != null) {
      rememberSlot(miniBlock, address, key, current);
    }
    state.setStorage(address, key, value, handle);
  }

  @Override
  public void deleteAccount(Address address) {
    rememberAccount(address);
    state.deleteAccount(address);
    wipe(block, address);
    if (miniBlock != null) {
      wipe(miniBlock, address);
    }
  }

  @Override
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.add(new Undo.Touched(address));
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
    UInt256 previous = putTransient(slot, value);
    journal.add(new Undo.Transient(slot, previous == null ? UInt256.ZERO : previous));
  }

  private UInt256 putTransient(SlotKey slot, UInt256 value) {
    return value.isZero() ? transientStorage.remove(slot) : transientStorage.put(slot, value);
  }

  private void rememberAccount(Address address) {
    rememberAccount(address, null);
  }

  /** {@code handle}: the store's for the account, or null. */
  private void rememberAccount(Address address, Store.Handle handle) {
    requireNoPendingDiff();
    if (!block.accountsBefore.containsKey(address)) {
      block.accountsBefore.put(address, account(address, handle));
    }
    if (miniBlock != null && !miniBlock.accountsBefore.containsKey(address)) {
      miniBlock.accountsBefore.put(address, account(address, handle));
    }
  }

  private static void rememberSlot(
      ChangeTracker tracker, Address address, UInt256 key, UInt256 current) {
    tracker.slotsBefore.computeIfAbsent(address, a -> new HashMap<>()).putIfAbsent(key, current);
  }

  private void wipe(ChangeTracker tracker, Address address) {
    if (tracker.wiped.add(address)) {
      journal.add(new Undo.Wiped(address, tracker));
    }
  }

  // ---------------------------------------------------------------- journal

  @Override
  public int snapshot() {
    requireNoPendingDiff();
    if (2 * markCount + 2 > marks.length) {
      marks = Arrays.copyOf(marks, marks.length * 2);
    }
    marks[2 * markCount] = journal.size();
    marks[2 * markCount + 1] = state.checkpoint();
    return markCount++;
  }

  @Override
  public void revertToSnapshot(int snapshot) {
    requireNoPendingDiff();
    if (snapshot < 0 || snapshot >= markCount) {
      throw new IllegalArgumentException("no snapshot " + snapshot);
    }
    int journalSize = marks[2 * snapshot];
    state.revertTo(marks[2 * snapshot + 1]);
    for (int i = journal.size() - 1; i >= journalSize; i--) {
      switch (journal.remove(i)) {
        case Undo.Touched t -> touched.remove(t.address());
        case Undo.Transient t -> putTransient(t.slot(), t.previous());
        case Undo.Wiped w -> w.tracker().wiped.remove(w.address());
      }
    }
    markCount = snapshot;
  }

  @Override
  public void commitTransaction() {
    requireNoPendingDiff();
    originals.clear();
    transientStorage.clear();
    touched.clear();
    journal.clear();
    markCount = 0;
    state.commitTransaction();
  }

  /**
   * Deletes the touched accounts that are empty (EIP-161) and ends the transaction: for changes
   * made outside a transaction (system calls, withdrawals).
   */
  public void finishSystemChanges() {
    for (Address address : List.copyOf(touched)) {
      if (exists(address) && isEmpty(address)) {
        deleteAccount(address);
      }
    }
    commitTransaction();
  }

  // ---------------------------------------------------------------- diff

  /**
   * The block's state diff so far: every account whose nonce, balance, code or storage differs from
   * before the block, or that was deleted, with its new values; sorted by address and slot.
   */
  public StateDiff diff() {
    requireNoPendingDiff();
    return diff(block);
  }

  /**
   * Starts a mini-block: from now on, changes are also tracked for {@link #miniBlockDiff()}. Call
   * between transactions.
   */
  public void startMiniBlock() {
    requireNoPendingDiff();
    miniBlock = new ChangeTracker();
  }

  /**
   * The current mini-block's state diff: what changed since {@link #startMiniBlock()}, with new
   * values. Applying every mini-block's diff in order to the parent state gives the block's state.
   * If {@link #startMiniBlockDiff} computes it on another thread, waits for that.
   */
  public StateDiff miniBlockDiff() {
    if (miniBlock == null) {
      throw new IllegalStateException("no mini-block started");
    }
    AsyncDiff pending = pendingMiniBlockDiff;
    if (pending != null) {
      pendingMiniBlockDiff = null;
      return pending.join();
    }
    return diff(miniBlock);
  }

  /**
   * Starts computing the current mini-block's diff on {@code executor}, for a caller with other
   * work to do between the mini-block's last transaction and {@link #miniBlockDiff()}, which then
   * takes the result: the parallel executor, whose worker computes the diff while the calling
   * thread encodes the receipts (the mini-block's tail would otherwise leave the worker idle).
   * Until then nothing may read or write this state (checked: a read or write throws {@link
   * IllegalStateException}), and the store must accept reads from another thread while its owner
   * keeps off it. If the executor refuses the task, or has not started it by the time {@link
   * #miniBlockDiff()} is called, the caller computes the diff itself.
   */
  public void startMiniBlockDiff(Executor executor) {
    requireNoPendingDiff();
    if (miniBlock == null) {
      throw new IllegalStateException("no mini-block started");
    }
    ChangeTracker tracker = miniBlock;
    AsyncDiff task = new AsyncDiff(() -> diff(tracker));
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      return; // computed when asked for
    }
    pendingMiniBlockDiff = task;
  }

  private void requireNoPendingDiff() {
    if (pendingMiniBlockDiff != null) {
      throw new IllegalStateException(
          "the mini-block's diff is being computed on another thread: take it first");
    }
  }

  /**
   * A diff computed by another thread unless the owner takes it back first: whichever of the two
   * claims it computes it, so the owner never waits for a thread that has not even started (a
   * worker descheduled on a busy machine).
   */
  private static final class AsyncDiff implements Runnable {
    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int TAKEN_BACK = 2;

    private final Supplier<StateDiff> computation;
    private final AtomicInteger phase = new AtomicInteger(NEW);
    private volatile boolean done;
    private volatile Thread waiter;
    private StateDiff result;
    private Throwable failure;

    AsyncDiff(Supplier<StateDiff> computation) {
      this.computation = computation;
    }

    @Override
    public void run() {
      if (!phase.compareAndSet(NEW, RUNNING)) {
        return;
      }
      try {
        result = computation.get();
      } catch (Throwable t) {
        failure = t;
      } finally {
        done = true; // publishes result and failure
        Thread w = waiter;
        if (w != null) {
          LockSupport.unpark(w);
        }
      }
    }

    /** The diff, computed here if the other thread has not started on it. */
    StateDiff join() {
      if (phase.compareAndSet(NEW, TAKEN_BACK)) {
        return computation.get();
      }
      // Usually done, or nearly (it runs while the owner encodes receipts): spin briefly rather
      // than park, since a wake-up costs more than what is left of the diff.
      for (int spins = 0; !done && spins < 1_000; spins++) {
        Thread.onSpinWait();
      }
      boolean interrupted = false;
      waiter = Thread.currentThread();
      while (!done) {
        LockSupport.park(this);
        interrupted |= Thread.interrupted(); // the other thread is reading the state: wait anyway
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return result;
    }
  }

  private StateDiff diff(ChangeTracker tracker) {
    Map<Address, Optional<Account>> accountsBefore = tracker.accountsBefore;
    Set<Address> wiped = tracker.wiped;
    List<AccountDiff> accounts = new ArrayList<>();
    for (Address address : sorted(accountsBefore.keySet().toArray(new Address[0]))) {
      Optional<Account> before = accountsBefore.get(address);
      Optional<Account> after = state.getAccount(address);
      if (after.isEmpty()) {
        if (before.isPresent()) {
          accounts.add(AccountDiff.deletion(address));
        }
        continue;
      }
      boolean cleared = wiped.contains(address) && before.isPresent();
      Account now = after.get();
      Optional<AccountInfo> info = Optional.empty();
      if (before.isEmpty() || cleared || fieldsDiffer(before.get(), now)) {
        boolean codeChanged =
            now.hasCode()
                && (before.isEmpty() || cleared || !before.get().codeHash().equals(now.codeHash()));
        info =
            Optional.of(
                new AccountInfo(
                    now.nonce(),
                    now.balance().value(),
                    now.codeHash(),
                    codeChanged ? Optional.of(codeOf(address, now)) : Optional.empty()));
      }
      List<SlotChange> slots = changedSlots(tracker, address, wiped.contains(address));
      if (info.isPresent() || cleared || !slots.isEmpty()) {
        accounts.add(new AccountDiff(address, false, cleared, info, slots));
      }
    }
    return new StateDiff(accounts);
  }

  /** Sorts in place: an array sort allocates nothing per key, unlike a TreeMap of the keys. */
  private static Address[] sorted(Address[] keys) {
    PrefixSort.sort(keys, Address::leadingLong);
    return keys;
  }

  private static UInt256[] sorted(UInt256[] keys) {
    PrefixSort.sort(keys, UInt256::u3);
    return keys;
  }

  /** Code set in this block, or (should a caller have set it otherwise) read from the state. */
  private Bytes codeOf(Address address, Account account) {
    Bytes code = newCode.get(account.codeHash());
    return code != null ? code : state.getCode(address).copy();
  }

  private static boolean fieldsDiffer(Account before, Account after) {
    return before.nonce() != after.nonce()
        || !before.balance().equals(after.balance())
        || !before.codeHash().equals(after.codeHash());
  }

  private List<SlotChange> changedSlots(
      ChangeTracker tracker, Address address, boolean storageWiped) {
    Map<UInt256, UInt256> before = tracker.slotsBefore.get(address);
    if (before == null) {
      return List.of();
    }
    List<SlotChange> slots = new ArrayList<>();
    for (UInt256 key : sorted(before.keySet().toArray(new UInt256[0]))) {
      UInt256 value = state.getStorage(address, key);
      // After a wipe only the slots set since remain; otherwise what differs from before.
      boolean changed = storageWiped ? !value.isZero() : !value.equals(before.get(key));
      if (changed) {
        slots.add(new SlotChange(key, value));
      }
    }
    return slots;
  }
}
