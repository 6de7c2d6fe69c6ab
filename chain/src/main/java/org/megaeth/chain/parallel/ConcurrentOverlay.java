package org.megaeth.chain.parallel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.state.BlockState;
import org.megaeth.chain.state.ReadKeys;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.WorldState;

/**
 * The pending changes of a block built in parallel, kept in concurrent maps over a trie {@link
 * WorldState} that stays untouched until the block is sealed: the {@link BlockState.Store} of the
 * parallel builder.
 *
 * <p>Why not the trie state's own pending layer: worker threads must read the latest committed
 * state while the committing thread writes it, and the trie state is not thread-safe; and a trie
 * state that records a witness records every read, so a transaction executed ahead of its turn with
 * stale values would leave reads in the witness that serial execution never makes. Here the trie
 * state has no pending changes and does not record during the block, so its reads are pure lookups
 * that any thread may make; the changes sit in concurrent maps that the committing thread writes
 * and the workers {@code peek} at.
 *
 * <p>The committing thread reads and writes through the {@link BlockState.Store} methods, with
 * exactly the trie state's semantics (reads see pending changes first; a wipe hides committed
 * slots; a journal for {@link #checkpoint}/{@link #revertTo}); every read that reaches the
 * committed state is logged. At the seal, {@link #flush} starts the trie's witness recording,
 * repeats the logged reads (the same reads the trie would have recorded, as the committing thread
 * makes the block's reads in serial order), and moves the changes into the trie, whose root is then
 * computed as usual. Workers use the {@code peek} methods, which log nothing.
 *
 * <p>Assumes a full in-memory trie state (the sequencer's, from {@link WorldState#create}) without
 * pending changes: its reads then change nothing (indexed lookups), so concurrent reads are safe.
 */
public final class ConcurrentOverlay implements BlockState.Store {
  /** A deleted account in {@link #accounts} (the maps hold no nulls). */
  private static final Object DELETED = new Object();

  private final WorldState trie;

  /** Initial capacity of the block-wide maps: they grow with the block, a resize at a time. */
  private static final int CAPACITY = 4096;

  /** Initial capacity of an account's slot maps: contracts in use touch more than a few slots. */
  private static final int SLOTS = 64;

  /** Pending accounts: an {@link Account}, or {@link #DELETED}. */
  private final ConcurrentHashMap<Address, Object> accounts = new ConcurrentHashMap<>(CAPACITY);

  /** Slots set since the account's last wipe (a zero value is a pending deletion). */
  private final ConcurrentHashMap<Address, ConcurrentHashMap<UInt256, UInt256>> storage =
      new ConcurrentHashMap<>(CAPACITY);

  private final Set<Address> wipes = ConcurrentHashMap.newKeySet();

  /** Codes by hash: set in this block, or read from the trie state. */
  private final ConcurrentHashMap<Hash, Bytes> codes = new ConcurrentHashMap<>();

  /**
   * The trie state's values read so far ({@link #ABSENT} for no account): decoding an account or a
   * slot from the trie costs several times a map lookup, and every value is read at least twice, by
   * a worker and again by the committing thread. The trie state does not change until the seal, so
   * whoever reads first fills these in for the others.
   */
  private final ConcurrentHashMap<Address, Object> committedAccounts =
      new ConcurrentHashMap<>(CAPACITY);

  private final ConcurrentHashMap<Address, ConcurrentHashMap<UInt256, UInt256>> committedSlots =
      new ConcurrentHashMap<>(CAPACITY);

  private static final Object ABSENT = new Object();

  private sealed interface Undo {
    record AccountWrite(Address address, Object previous) implements Undo {}

    record StorageWrite(Address address, UInt256 slot, UInt256 previous) implements Undo {}

    record StorageWipe(
        Address address, boolean wasWiped, ConcurrentHashMap<UInt256, UInt256> previousSlots)
        implements Undo {}
  }

  private final ArrayList<Undo> journal = new ArrayList<>();

  /**
   * Whether a checkpoint was handed out since the last transaction ended: only then can a change be
   * reverted, so only then is it journaled (most of a block's writes are transactions applied whole
   * at their turn).
   */
  private boolean journaling;

  // The committing thread's reads that reached the committed state, and the codes it read: what
  // the trie state would have recorded for the witness.
  private final ReadKeys committedReads = new ReadKeys();
  private final Map<Hash, Bytes> codesRead = new HashMap<>();

  /** Whether the committed reads are logged for a witness. */
  private final boolean recordWitness;

  /** Codes first read since {@link #markTransactionReads()} (see {@link ReadKeys}). */
  private final List<Hash> markedCodes = new ArrayList<>();

  private boolean marking;

  private boolean flushed;

  /**
   * @param trie a full in-memory state without pending changes, not recording
   * @param recordWitness whether the block's witness will be recorded ({@link #flush})
   * @throws IllegalArgumentException if it has pending changes or is recording
   */
  public ConcurrentOverlay(WorldState trie, boolean recordWitness) {
    if (trie.checkpoint() != 0) {
      throw new IllegalArgumentException("the state has pending changes");
    }
    if (trie.isRecordingWitness()) {
      throw new IllegalArgumentException("the state is recording a witness");
    }
    this.trie = trie;
    this.recordWitness = recordWitness;
  }

  @Override
  public WorldState trie() {
    return trie;
  }

  // ---------------------------------------------------------------- reads (committing thread)

  @Override
  public Optional<Account> getAccount(Address address) {
    if (flushed) {
      return trie.getAccount(address);
    }
    Object pending = accounts.get(address);
    if (pending != null) {
      return pending == DELETED ? Optional.empty() : Optional.of((Account) pending);
    }
    if (recordWitness) {
      committedReads.addAccount(address);
    }
    return Optional.ofNullable(committedAccount(address));
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 slot) {
    if (flushed) {
      return trie.getStorage(address, slot);
    }
    Map<UInt256, UInt256> pending = storage.get(address);
    if (pending != null) {
      UInt256 value = pending.get(slot);
      if (value != null) {
        return value;
      }
    }
    if (wipes.contains(address)) {
      return UInt256.ZERO;
    }
    if (recordWitness) {
      committedReads.addSlot(address, slot);
    }
    return committedStorage(address, slot);
  }

  @Override
  public Bytes getCode(Address address) {
    if (flushed) {
      return trie.getCode(address);
    }
    Optional<Account> account = getAccount(address);
    if (account.isEmpty() || !account.get().hasCode()) {
      return Bytes.EMPTY;
    }
    Hash codeHash = account.get().codeHash();
    Bytes code = codes.get(codeHash);
    if (code == null) {
      code = trie.getCode(address); // unchanged since the block began, as its hash is not known
      codes.putIfAbsent(codeHash, code);
    }
    recordCodeRead(codeHash, code);
    return code;
  }

  /** Notes, on the committing thread, that a code was read (for the witness's codes). */
  void recordCodeRead(Hash codeHash, Bytes code) {
    if (recordWitness && codesRead.putIfAbsent(codeHash, code) == null && marking) {
      markedCodes.add(codeHash);
    }
  }

  @Override
  public void markTransactionReads() {
    marking = recordWitness;
    committedReads.mark();
  }

  @Override
  public void endTransactionReads(boolean keep) {
    if (marking && !keep) {
      markedCodes.forEach(codesRead::remove);
    }
    committedReads.end(keep);
    marking = false;
    markedCodes.clear();
  }

  private Account committedAccount(Address address) {
    Object cached = committedAccounts.get(address);
    if (cached == null) {
      cached = trie.getAccount(address).map(Object.class::cast).orElse(ABSENT);
      committedAccounts.putIfAbsent(address, cached);
    }
    return cached == ABSENT ? null : (Account) cached;
  }

  private UInt256 committedStorage(Address address, UInt256 slot) {
    ConcurrentHashMap<UInt256, UInt256> slots = committedSlots.get(address);
    if (slots == null) {
      slots = committedSlots.computeIfAbsent(address, a -> new ConcurrentHashMap<>(SLOTS));
    }
    UInt256 value = slots.get(slot);
    if (value == null) {
      value = trie.getStorage(address, slot);
      slots.putIfAbsent(slot, value);
    }
    return value;
  }

  // ---------------------------------------------------------------- reads (any thread)

  /** The account as last committed, or null; logs nothing. */
  Account peekAccount(Address address) {
    Object pending = accounts.get(address);
    if (pending != null) {
      return pending == DELETED ? null : (Account) pending;
    }
    return committedAccount(address);
  }

  /** The slot as last committed; logs nothing. */
  UInt256 peekStorage(Address address, UInt256 slot) {
    Map<UInt256, UInt256> pending = storage.get(address);
    if (pending != null) {
      UInt256 value = pending.get(slot);
      if (value != null) {
        return value;
      }
    }
    if (wipes.contains(address)) {
      return UInt256.ZERO;
    }
    return committedStorage(address, slot);
  }

  /**
   * The code with {@code codeHash} of the account at {@code address}; null if the account has
   * changed meanwhile so that the code is not at hand (the caller gives up on the transaction).
   */
  Bytes peekCode(Address address, Hash codeHash) {
    Bytes code = codes.get(codeHash);
    if (code != null) {
      return code;
    }
    Account committed = committedAccount(address);
    if (committed != null && committed.codeHash().equals(codeHash)) {
      code = trie.getCode(address);
      codes.putIfAbsent(codeHash, code);
      return code;
    }
    return null;
  }

  /**
   * {@link BlockState#hasStorage} as of the last commit, for {@code account} (as peeked): the
   * committed storage root unless wiped in this block, then the slots set since.
   */
  boolean peekHasStorage(Address address, Account account) {
    if (account == null) {
      return false;
    }
    if (!wipes.contains(address)
        && !account.storageRoot().equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      return true;
    }
    Map<UInt256, UInt256> pending = storage.get(address);
    if (pending != null) {
      for (UInt256 value : pending.values()) {
        if (!value.isZero()) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- writes (committing thread)

  @Override
  public void setNonce(Address address, long nonce) {
    writeAccount(address, current(address).withNonce(nonce));
  }

  @Override
  public void setBalance(Address address, Wei balance) {
    writeAccount(address, current(address).withBalance(balance));
  }

  @Override
  public void setNonceAndBalance(Address address, long nonce, Wei balance) {
    Account current = current(address);
    writeAccount(address, new Account(nonce, balance, current.storageRoot(), current.codeHash()));
  }

  @Override
  public void setCode(Address address, Bytes code) {
    Hash codeHash = Keccak.hash(code);
    if (!code.isEmpty()) {
      codes.putIfAbsent(codeHash, code.copy());
    }
    writeAccount(address, current(address).withCodeHash(codeHash));
  }

  @Override
  public void setStorage(Address address, UInt256 slot, UInt256 value) {
    requireNotFlushed();
    if (getAccount(address).isEmpty()) {
      writeAccount(address, Account.EMPTY);
    }
    ConcurrentHashMap<UInt256, UInt256> pending =
        storage.computeIfAbsent(address, a -> new ConcurrentHashMap<>(SLOTS));
    UInt256 previous = pending.put(slot, value);
    if (journaling) {
      journal.add(new Undo.StorageWrite(address, slot, previous));
    }
  }

  @Override
  public void deleteAccount(Address address) {
    requireNotFlushed();
    boolean wasWiped = !wipes.add(address);
    ConcurrentHashMap<UInt256, UInt256> previousSlots = storage.remove(address);
    if (journaling) {
      journal.add(new Undo.StorageWipe(address, wasWiped, previousSlots));
    }
    writeAccount(address, null);
  }

  private Account current(Address address) {
    return getAccount(address).orElse(Account.EMPTY);
  }

  private void writeAccount(Address address, Account account) {
    requireNotFlushed();
    Object previous = accounts.put(address, account == null ? DELETED : account);
    if (journaling) {
      journal.add(new Undo.AccountWrite(address, previous));
    }
  }

  @Override
  public int checkpoint() {
    journaling = true;
    return journal.size();
  }

  @Override
  public void revertTo(int checkpoint) {
    if (checkpoint < 0 || checkpoint > journal.size()) {
      throw new IllegalArgumentException(
          "no checkpoint " + checkpoint + " (journal has " + journal.size() + " entries)");
    }
    while (journal.size() > checkpoint) {
      switch (journal.removeLast()) {
        case Undo.AccountWrite w -> {
          if (w.previous() == null) {
            accounts.remove(w.address());
          } else {
            accounts.put(w.address(), w.previous());
          }
        }
        case Undo.StorageWrite w -> {
          Map<UInt256, UInt256> pending = storage.get(w.address());
          if (w.previous() == null) {
            pending.remove(w.slot());
          } else {
            pending.put(w.slot(), w.previous());
          }
        }
        case Undo.StorageWipe w -> {
          if (!w.wasWiped()) {
            wipes.remove(w.address());
          }
          if (w.previousSlots() == null) {
            storage.remove(w.address());
          } else {
            storage.put(w.address(), w.previousSlots());
          }
        }
      }
    }
  }

  /** The journal is only for reverts within a transaction: drop it, and what it keeps alive. */
  @Override
  public void commitTransaction() {
    journal.clear();
    journaling = false;
  }

  // ---------------------------------------------------------------- seal

  /**
   * Moves the block into the trie state, with no worker running: if the witness is recorded, starts
   * the trie state's recording and repeats the logged reads of the committed state; then applies
   * the pending changes as trie writes, leaving the trie state with the pending changes serial
   * execution would have left. From then on this overlay reads the trie state directly (the
   * post-state, for the diff).
   */
  public void flush() {
    requireNotFlushed();
    if (recordWitness) {
      trie.startRecording();
      for (Address address : committedReads.accounts()) {
        trie.getAccount(address);
      }
      committedReads
          .slots()
          .forEach(
              (address, slots) -> {
                for (UInt256 slot : slots) {
                  trie.getStorage(address, slot);
                }
              });
    }
    for (Address address : wipes) {
      trie.deleteAccount(address);
    }
    accounts.forEach(
        (address, pending) -> {
          if (pending != DELETED) {
            writeInto(address, (Account) pending);
          }
        });
    storage.forEach(
        (address, slots) -> slots.forEach((slot, value) -> trie.setStorage(address, slot, value)));
    flushed = true;
    accounts.clear();
    storage.clear();
    wipes.clear();
    journal.clear();
    committedAccounts.clear();
    committedSlots.clear();
  }

  private void writeInto(Address address, Account account) {
    Account before = trie.getAccount(address).orElse(Account.EMPTY);
    trie.setNonce(address, account.nonce());
    trie.setBalance(address, account.balance());
    if (!before.codeHash().equals(account.codeHash())) {
      Bytes code =
          account.hasCode() ? codes.get(account.codeHash()) : Bytes.EMPTY; // set in this block
      if (code == null) {
        throw new IllegalStateException("no code " + account.codeHash() + " for " + address);
      }
      trie.setCode(address, code);
    }
    Optional<Account> written = trie.getAccount(address);
    if (!written.equals(Optional.of(account))) {
      throw new IllegalStateException(
          "account %s flushed as %s, pending was %s".formatted(address, written, account));
    }
  }

  /** The codes the committing thread read, by hash: the witness's codes. */
  public Map<Hash, Bytes> codesRead() {
    return codesRead;
  }

  private void requireNotFlushed() {
    if (flushed) {
      throw new IllegalStateException("the block's changes are already in the trie state");
    }
  }
}
