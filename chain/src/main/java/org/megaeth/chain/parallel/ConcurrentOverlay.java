package org.megaeth.chain.parallel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  /** A deleted account in {@link Entry#pending}. */
  private static final Object DELETED = new Object();

  /** No account in the trie state, in {@link Entry#committed}. */
  private static final Object ABSENT = new Object();

  private final WorldState trie;

  /** Initial capacity of the block-wide map: it grows with the block, a resize at a time. */
  private static final int CAPACITY = 4096;

  /** Initial capacity of an account's slot map: contracts in use touch more than a few slots. */
  private static final int SLOTS = 64;

  /**
   * One account of the block: its value in the trie state as first read, and the block's pending
   * change, with its storage slots likewise. One entry per account and per slot holds both, so that
   * a read is two lookups (account, then slot) and a write to a value already read inserts nothing:
   * the map inserts (and resizes) of concurrent maps cost more than their lookups, and both threads
   * pay for them on the shared counters.
   *
   * <p>The committing thread alone writes {@code pending}, {@code wiped} and the slots' {@code
   * pending}; any thread fills in {@code committed} values, which the trie state gives the same to
   * everyone as it does not change until the seal. Workers may see a change half made (an account
   * written but not yet its slots): what they read is only a proposal, checked at the turn.
   */
  static final class Entry implements BlockState.Store.Handle {
    final Address address;

    /** The account in the trie state, or {@link #ABSENT}; null until first read. */
    volatile Object committed;

    /** The block's account, or {@link #DELETED}; null while the block has not changed it. */
    volatile Object pending;

    /** Deleted in this block: slots not set since read as zero. */
    volatile boolean wiped;

    /** Slots read or set in this block; null until the first. */
    volatile ConcurrentHashMap<UInt256, SlotEntry> slots;

    Entry(Address address) {
      this.address = address;
    }

    ConcurrentHashMap<UInt256, SlotEntry> slots() {
      ConcurrentHashMap<UInt256, SlotEntry> map = slots;
      if (map == null) {
        synchronized (this) {
          map = slots;
          if (map == null) {
            map = new ConcurrentHashMap<>(SLOTS);
            slots = map;
          }
        }
      }
      return map;
    }

    SlotEntry slotOrNull(UInt256 slot) {
      ConcurrentHashMap<UInt256, SlotEntry> map = slots;
      return map == null ? null : map.get(slot);
    }

    SlotEntry slot(UInt256 slot) {
      ConcurrentHashMap<UInt256, SlotEntry> map = slots();
      SlotEntry entry = map.get(slot);
      if (entry == null) {
        SlotEntry created = new SlotEntry(this, slot);
        entry = map.putIfAbsent(slot, created);
        if (entry == null) {
          entry = created;
        }
      }
      return entry;
    }
  }

  /** One storage slot of the block: its value in the trie state as read, and the block's. */
  static final class SlotEntry implements BlockState.Store.Handle {
    /** The account's entry, whose wipe hides the committed value. */
    final Entry account;

    final UInt256 key;

    /** The value in the trie state; null until read. */
    volatile UInt256 committed;

    /** Set since the account's last wipe (a zero is a pending deletion); null if not. */
    volatile UInt256 pending;

    SlotEntry(Entry account, UInt256 key) {
      this.account = account;
      this.key = key;
    }
  }

  /** Every account read or changed in this block. */
  private final ConcurrentHashMap<Address, Entry> entries = new ConcurrentHashMap<>(CAPACITY);

  /** Codes by hash: set in this block, or read from the trie state. */
  private final ConcurrentHashMap<Hash, Bytes> codes = new ConcurrentHashMap<>();

  private sealed interface Undo {
    record AccountWrite(Entry entry, Object previous) implements Undo {}

    record StorageWrite(SlotEntry slot, UInt256 previous) implements Undo {}

    /** The slots' values set before the wipe, in pairs (slot entry, value). */
    record StorageWipe(Entry entry, boolean wasWiped, Object[] previousSlots) implements Undo {}
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

  private Entry entry(Address address) {
    Entry entry = entries.get(address);
    if (entry == null) {
      Entry created = new Entry(address);
      entry = entries.putIfAbsent(address, created);
      if (entry == null) {
        entry = created;
      }
    }
    return entry;
  }

  // ---------------------------------------------------------------- reads (committing thread)

  @Override
  public Optional<Account> getAccount(Address address) {
    if (flushed) {
      return trie.getAccount(address);
    }
    return Optional.ofNullable(account(address, recordWitness));
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 slot) {
    if (flushed) {
      return trie.getStorage(address, slot);
    }
    return storage(address, slot, recordWitness);
  }

  @Override
  public Optional<Account> getAccount(Address address, Handle handle) {
    if (flushed || !(handle instanceof Entry entry)) {
      return getAccount(address);
    }
    return Optional.ofNullable(account(entry, recordWitness));
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 slot, Handle handle) {
    if (flushed || !(handle instanceof SlotEntry slotEntry)) {
      return getStorage(address, slot);
    }
    return storage(slotEntry, recordWitness);
  }

  /** {@link #account(Address, boolean)} from the account's entry. */
  private Account account(Entry entry, boolean log) {
    Object pending = entry.pending;
    if (pending != null) {
      return pending == DELETED ? null : (Account) pending;
    }
    if (log) {
      committedReads.addAccount(entry.address);
    }
    return committedAccount(entry, entry.address);
  }

  /** {@link #storage(Address, UInt256, boolean)} from the slot's entry. */
  private UInt256 storage(SlotEntry slotEntry, boolean log) {
    UInt256 value = slotEntry.pending;
    if (value != null) {
      return value;
    }
    Entry entry = slotEntry.account;
    if (entry.wiped) {
      return UInt256.ZERO;
    }
    if (log) {
      committedReads.addSlot(entry.address, slotEntry.key);
    }
    return committedStorage(entry, slotEntry, entry.address, slotEntry.key);
  }

  /** The account as last written in this block, or null; {@code log}: a read of the trie state. */
  private Account account(Address address, boolean log) {
    Entry entry = entries.get(address);
    if (entry != null) {
      return account(entry, log);
    }
    if (log) {
      committedReads.addAccount(address);
    }
    return committedAccount(null, address);
  }

  /** The slot as last written in this block; {@code log}: a read of the trie state. */
  private UInt256 storage(Address address, UInt256 slot, boolean log) {
    Entry entry = entries.get(address);
    if (entry != null) {
      SlotEntry slotEntry = entry.slotOrNull(slot);
      if (slotEntry != null) {
        return storage(slotEntry, log);
      }
      if (entry.wiped) {
        return UInt256.ZERO;
      }
    }
    if (log) {
      committedReads.addSlot(address, slot);
    }
    return committedStorage(entry, null, address, slot);
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

  /** The account in the trie state, or null; {@code entry} is the address's, or null if none. */
  private Account committedAccount(Entry entry, Address address) {
    Object committed = entry == null ? null : entry.committed;
    if (committed == null) {
      committed = trie.getAccount(address).map(Object.class::cast).orElse(ABSENT);
      (entry == null ? entry(address) : entry).committed = committed;
    }
    return committed == ABSENT ? null : (Account) committed;
  }

  /** The slot in the trie state; the entries are the slot's, or null if it has none yet. */
  private UInt256 committedStorage(
      Entry entry, SlotEntry slotEntry, Address address, UInt256 slot) {
    UInt256 value = slotEntry == null ? null : slotEntry.committed;
    if (value == null) {
      value = trie.getStorage(address, slot);
      if (slotEntry == null) {
        slotEntry = (entry == null ? entry(address) : entry).slot(slot);
      }
      slotEntry.committed = value;
    }
    return value;
  }

  // ---------------------------------------------------------------- reads (any thread)

  /** The account as last committed, or null; logs nothing. */
  Account peekAccount(Address address) {
    return account(address, false);
  }

  /** The slot as last committed; logs nothing. */
  UInt256 peekStorage(Address address, UInt256 slot) {
    return storage(address, slot, false);
  }

  /**
   * The entry of {@code address}, created if it has none: the handle through which a worker reads
   * the account ({@link #peekAccount(Entry)}) and the committing thread later checks and writes it
   * without a lookup.
   */
  Entry accountHandle(Address address) {
    return entry(address);
  }

  /** The slot's entry, created if it has none: a handle, as {@link #accountHandle}. */
  SlotEntry slotHandle(Entry account, UInt256 slot) {
    return account.slot(slot);
  }

  /** {@link #peekAccount(Address)} through the account's handle. */
  Account peekAccount(Entry entry) {
    return account(entry, false);
  }

  /** {@link #peekStorage(Address, UInt256)} through the slot's handle. */
  UInt256 peekStorage(SlotEntry slot) {
    return storage(slot, false);
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
    Account committed = committedAccount(entries.get(address), address);
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
    Entry entry = entries.get(address);
    boolean wiped = entry != null && entry.wiped;
    if (!wiped && !account.storageRoot().equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      return true;
    }
    ConcurrentHashMap<UInt256, SlotEntry> slots = entry == null ? null : entry.slots;
    if (slots != null) {
      for (SlotEntry slot : slots.values()) {
        UInt256 value = slot.pending;
        if (value != null && !value.isZero()) {
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
    setNonceAndBalance(address, nonce, balance, null);
  }

  @Override
  public void setNonceAndBalance(Address address, long nonce, Wei balance, Handle handle) {
    requireNotFlushed();
    Entry entry = handle instanceof Entry given ? given : entry(address);
    Account current = account(entry, recordWitness);
    if (current == null) {
      current = Account.EMPTY;
    }
    writeAccount(entry, new Account(nonce, balance, current.storageRoot(), current.codeHash()));
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
    setStorage(address, slot, value, null);
  }

  @Override
  public void setStorage(Address address, UInt256 slot, UInt256 value, Handle handle) {
    requireNotFlushed();
    SlotEntry entry = handle instanceof SlotEntry given ? given : entry(address).slot(slot);
    if (account(entry.account, recordWitness) == null) {
      writeAccount(entry.account, Account.EMPTY); // the trie state creates a missing account
    }
    UInt256 previous = entry.pending;
    entry.pending = value;
    if (journaling) {
      journal.add(new Undo.StorageWrite(entry, previous));
    }
  }

  @Override
  public void deleteAccount(Address address) {
    requireNotFlushed();
    Entry entry = entry(address);
    boolean wasWiped = entry.wiped;
    entry.wiped = true;
    // The slots set before are gone with the account (a wipe is rare: the slots of one account).
    List<Object> previousSlots = journaling ? new ArrayList<>() : null;
    ConcurrentHashMap<UInt256, SlotEntry> slots = entry.slots;
    if (slots != null) {
      for (SlotEntry slot : slots.values()) {
        UInt256 previous = slot.pending;
        if (previous != null) {
          slot.pending = null;
          if (previousSlots != null) {
            previousSlots.add(slot);
            previousSlots.add(previous);
          }
        }
      }
    }
    if (journaling) {
      journal.add(new Undo.StorageWipe(entry, wasWiped, previousSlots.toArray()));
    }
    writeAccount(entry, null);
  }

  private Account current(Address address) {
    return getAccount(address).orElse(Account.EMPTY);
  }

  private void writeAccount(Address address, Account account) {
    writeAccount(entry(address), account);
  }

  private void writeAccount(Entry entry, Account account) {
    requireNotFlushed();
    Object previous = entry.pending;
    entry.pending = account == null ? DELETED : account;
    if (journaling) {
      journal.add(new Undo.AccountWrite(entry, previous));
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
        case Undo.AccountWrite w -> w.entry().pending = w.previous();
        case Undo.StorageWrite w -> w.slot().pending = w.previous();
        case Undo.StorageWipe w -> {
          w.entry().wiped = w.wasWiped();
          Object[] previous = w.previousSlots();
          for (int i = 0; i < previous.length; i += 2) {
            ((SlotEntry) previous[i]).pending = (UInt256) previous[i + 1];
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
    // In the trie state's order of serial execution's effects: deletions, then accounts, then
    // slots (a slot set after a deletion lands on the emptied storage).
    entries.forEach(
        (address, entry) -> {
          if (entry.wiped) {
            trie.deleteAccount(address);
          }
        });
    entries.forEach(
        (address, entry) -> {
          Object pending = entry.pending;
          if (pending != null && pending != DELETED) {
            writeInto(address, (Account) pending);
          }
        });
    entries.forEach(
        (address, entry) -> {
          ConcurrentHashMap<UInt256, SlotEntry> slots = entry.slots;
          if (slots != null) {
            slots.forEach(
                (slot, slotEntry) -> {
                  UInt256 value = slotEntry.pending;
                  if (value != null) {
                    trie.setStorage(address, slot, value);
                  }
                });
          }
        });
    flushed = true;
    entries.clear();
    journal.clear();
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
