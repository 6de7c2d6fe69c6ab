package org.megaeth.chain.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.state.WorldState;
import org.megaeth.trie.state.Account;

/**
 * One transaction executed ahead of its turn: the EVM's {@link WorldState} over the latest
 * committed state of a {@link ConcurrentOverlay}, with the transaction's writes kept here. It
 * behaves exactly as {@link BlockState} does for the same values, and logs, in order, every value
 * it took from the overlay ("base reads"), each account field and slot once; at the transaction's
 * turn the committing thread repeats those reads on the block state ({@link #validate}) and, if
 * every value is the same, applies the writes ({@link #applyTo}). A transaction is a deterministic
 * function of the values it reads, so equal reads mean the serial outcome.
 *
 * <p>Fields are tracked one by one (existence, emptiness, nonce, balance, code hash), so that a
 * transaction that only calls an account does not conflict with one that pays it. Writes are kept
 * as set fields, so applying them leaves the other fields as the committed state has them.
 *
 * <p>The coinbase is paid by commutative credit: {@link #addBalance} to it adds to a credit without
 * reading its balance, and the credit is added at commit. Whatever needs the exact balance
 * (BALANCE, SELFBALANCE, the coinbase as sender or spender) reads it, and the transaction then
 * conflicts like any other reader; existence and emptiness are answered from the credit where it
 * decides them.
 *
 * <p>Replay stops at the first value that differs: up to there the transaction, being
 * deterministic, makes the same reads in serial order, so the witness keys recorded by the replay
 * are reads serial execution also makes. Used by one thread at a time.
 *
 * <p>Benchmark before refactoring: {@code
 * benchmarks/src/main/java/org/megaeth/benchmarks/parallel/ParallelMiniBlockBenchmark.java}; its
 * correctness is held to the GeneralStateTests by {@code TxViewStateTest}.
 */
final class TxView implements WorldState, LongFunction<Hash> {
  // Which of an account's values a transaction took from the overlay.
  static final int EXISTS = 1;
  static final int EMPTY = 2;
  static final int NONCE = 4;
  static final int BALANCE = 8;
  static final int CODE_HASH = 16;

  private static final byte[] NO_CODE = new byte[0];

  /** Where an account's existence comes from. */
  private static final byte FROM_BASE = 0;

  private static final byte PRESENT = 1;
  private static final byte ABSENT = 2;

  /** One account: its base values as read, and this transaction's changes. */
  static final class Acct {
    final Address address;

    /** The overlay's entry for the account, once read: checked and written through at commit. */
    ConcurrentOverlay.Entry entry;

    boolean loaded;
    Account base;
    int used;
    Bytes baseCode;
    byte[] baseCodeArray;

    /** The hash of the code this transaction set and read last (read codes go to the witness). */
    Hash ownCodeRead;

    // Journaled state.
    byte presence;
    boolean nonceSet;
    long nonce;
    boolean balanceSet;
    UInt256 balance;
    boolean codeSet;
    Hash codeHash;
    byte[] code;
    boolean wiped;
    boolean credited;
    UInt256 credit = UInt256.ZERO;

    List<Slot> slots;

    Acct(Address address) {
      this.address = address;
    }
  }

  /** One storage slot: its base value as read, and this transaction's value. */
  static final class Slot {
    final Acct account;
    final UInt256 key;

    /** The overlay's entry for the slot, once read: checked and written through at commit. */
    ConcurrentOverlay.SlotEntry entry;

    boolean loaded;
    UInt256 base;
    boolean hasOriginal;
    UInt256 original;
    boolean dirty;
    UInt256 value;

    Slot(Acct account, UInt256 key) {
      this.account = account;
      this.key = key;
    }
  }

  /** The code of an account was read (for the witness's codes). */
  record CodeRead(Acct account) {}

  /** Code this transaction set was read (the witness has every code read, as serial records). */
  record OwnCodeRead(Hash hash, byte[] code) {}

  /** BLOCKHASH was read (for the witness's headers). */
  record BlockHashRead(long number) {}

  /** {@link #hasStorage} was answered from the overlay. */
  record HasStorageRead(Acct account, boolean value) {}

  private record SlotKey(Address address, UInt256 key) {}

  private record AcctUndo(
      Acct account,
      byte presence,
      boolean nonceSet,
      long nonce,
      boolean balanceSet,
      UInt256 balance,
      boolean codeSet,
      Hash codeHash,
      byte[] code,
      boolean wiped,
      boolean credited,
      UInt256 credit) {
    AcctUndo(Acct a) {
      this(
          a,
          a.presence,
          a.nonceSet,
          a.nonce,
          a.balanceSet,
          a.balance,
          a.codeSet,
          a.codeHash,
          a.code,
          a.wiped,
          a.credited,
          a.credit);
    }

    void restore() {
      Acct a = account;
      a.presence = presence;
      a.nonceSet = nonceSet;
      a.nonce = nonce;
      a.balanceSet = balanceSet;
      a.balance = balance;
      a.codeSet = codeSet;
      a.codeHash = codeHash;
      a.code = code;
      a.wiped = wiped;
      a.credited = credited;
      a.credit = credit;
    }
  }

  private record SlotUndo(Slot slot, boolean dirty, UInt256 value) {}

  /** Undoes the latest touch: touches are undone in reverse, so it is the list's last. */
  private static final Object TOUCHED = new Object();

  private record TransientUndo(SlotKey key, UInt256 previous) {}

  private final ConcurrentOverlay overlay;
  private final Address coinbase;
  private final LongFunction<Hash> blockHashes;

  private final Map<Address, Acct> accounts = new HashMap<>();
  private final Map<SlotKey, Slot> slots = new HashMap<>();

  /** Base reads in order: Acct and Slot (first read), CodeRead, BlockHashRead, HasStorageRead. */
  private final ArrayList<Object> reads = new ArrayList<>();

  /**
   * Undo entries, kept only while a snapshot is open: what a transaction changes before its first
   * call frame (its nonce, the gas it buys) can never be reverted.
   */
  private final ArrayList<Object> journal = new ArrayList<>();

  /** In the order touched; a handful of accounts, so a list beats a set. */
  private final ArrayList<Address> touched = new ArrayList<>();

  private Map<SlotKey, UInt256> transientStorage;
  private int[] marks = new int[16];
  private int markCount;

  /** Why the transaction cannot be executed ahead of its turn; null while it can. */
  private String abandoned;

  /**
   * @param blockHashes BLOCKHASH without recording it for the witness; safe for this thread
   */
  TxView(ConcurrentOverlay overlay, Address coinbase, LongFunction<Hash> blockHashes) {
    this.overlay = overlay;
    this.coinbase = coinbase;
    this.blockHashes = blockHashes;
  }

  /** Null, or why this execution must not be used (it needs what the view cannot give). */
  String abandoned() {
    return abandoned;
  }

  // ---------------------------------------------------------------- base values

  private Acct acct(Address address) {
    Acct a = accounts.get(address);
    if (a == null) {
      a = new Acct(address);
      accounts.put(address, a);
    }
    return a;
  }

  private Account base(Acct a, int field) {
    if (!a.loaded) {
      load(a);
    }
    a.used |= field;
    return a.base;
  }

  /** Reads the account's base value, through its overlay entry, and logs the read. */
  private void load(Acct a) {
    a.base = overlay.peekAccount(entryOf(a));
    a.loaded = true;
    reads.add(a);
  }

  private ConcurrentOverlay.Entry entryOf(Acct a) {
    if (a.entry == null) {
      a.entry = overlay.accountHandle(a.address);
    }
    return a.entry;
  }

  private Slot slot(Address address, UInt256 key) {
    SlotKey k = new SlotKey(address, key);
    Slot s = slots.get(k);
    if (s == null) {
      Acct a = acct(address);
      s = new Slot(a, key);
      slots.put(k, s);
      if (a.slots == null) {
        a.slots = new ArrayList<>(4);
      }
      a.slots.add(s);
    }
    return s;
  }

  /** The slot's current value, as BlockState's storage read gives it. */
  private UInt256 valueOf(Slot s) {
    if (s.dirty) {
      return s.value;
    }
    if (s.account.wiped) {
      return UInt256.ZERO;
    }
    if (!s.loaded) {
      s.entry = overlay.slotHandle(entryOf(s.account), s.key);
      s.base = overlay.peekStorage(s.entry);
      s.loaded = true;
      reads.add(s);
    }
    return s.base;
  }

  private long nonceOf(Acct a) {
    if (a.nonceSet) {
      return a.nonce;
    }
    Account b = base(a, NONCE);
    return b == null ? 0 : b.nonce();
  }

  private UInt256 balanceOf(Acct a) {
    if (a.balanceSet) {
      return a.balance;
    }
    Account b = base(a, BALANCE);
    UInt256 balance = b == null ? UInt256.ZERO : b.balance().value();
    if (a.credited) {
      // The exact balance is needed: the credit becomes an ordinary balance (not journaled: both
      // forms hold the same value).
      a.balance = balance.add(a.credit);
      a.balanceSet = true;
      a.credited = false;
      a.credit = UInt256.ZERO;
      return a.balance;
    }
    return balance;
  }

  private Hash codeHashOf(Acct a) {
    if (a.codeSet) {
      return a.codeHash;
    }
    Account b = base(a, CODE_HASH);
    return b == null ? Keccak.EMPTY : b.codeHash();
  }

  private boolean existsOf(Acct a) {
    return switch (a.presence) {
      case PRESENT -> true;
      case ABSENT -> false;
      default -> base(a, EXISTS) != null;
    };
  }

  // ---------------------------------------------------------------- reads

  @Override
  public boolean exists(Address address) {
    return existsOf(acct(address));
  }

  @Override
  public boolean isEmpty(Address address) {
    Acct a = acct(address);
    if (a.presence == ABSENT) {
      return true;
    }
    if (a.presence == FROM_BASE) {
      Account b = base(a, EMPTY);
      return b == null || b.isEmpty();
    }
    if (a.credited) {
      if (!a.credit.isZero()) {
        return false; // whatever the balance was, it is not zero now
      }
      if (!a.nonceSet && !a.codeSet) {
        // Only a zero credit: the account is its base, or an empty one where there was none.
        Account b = base(a, EMPTY);
        return b == null || b.isEmpty();
      }
    }
    return nonceOf(a) == 0 && codeHashOf(a).equals(Keccak.EMPTY) && balanceOf(a).isZero();
  }

  @Override
  public long getNonce(Address address) {
    return nonceOf(acct(address));
  }

  @Override
  public UInt256 getBalance(Address address) {
    return balanceOf(acct(address));
  }

  @Override
  public byte[] getCode(Address address) {
    Acct a = acct(address);
    if (a.codeSet) {
      if (a.code.length != 0 && !a.codeHash.equals(a.ownCodeRead)) {
        a.ownCodeRead = a.codeHash;
        reads.add(new OwnCodeRead(a.codeHash, a.code));
      }
      return a.code;
    }
    Hash codeHash = codeHashOf(a);
    if (codeHash.equals(Keccak.EMPTY)) {
      return NO_CODE;
    }
    if (a.baseCode == null) {
      Bytes code = overlay.peekCode(address, codeHash);
      if (code == null) {
        abandoned = "the code of " + address + " changed while it was read";
        return NO_CODE;
      }
      a.baseCode = code;
      a.baseCodeArray = code.toArrayUnsafe();
      reads.add(new CodeRead(a));
    }
    return a.baseCodeArray;
  }

  @Override
  public Hash getCodeHash(Address address) {
    return codeHashOf(acct(address));
  }

  @Override
  public UInt256 getStorage(Address address, UInt256 key) {
    return valueOf(slot(address, key));
  }

  @Override
  public UInt256 getOriginalStorage(Address address, UInt256 key) {
    Slot s = slot(address, key);
    return s.hasOriginal ? s.original : valueOf(s);
  }

  @Override
  public boolean hasStorage(Address address) {
    Acct a = acct(address);
    if (a.presence == ABSENT) {
      return false;
    }
    boolean written = false;
    if (a.slots != null) {
      for (Slot s : a.slots) {
        if (s.dirty) {
          if (!s.value.isZero()) {
            return true;
          }
          written = true;
        }
      }
    }
    if (a.wiped) {
      return false;
    }
    if (written) {
      // Zeros written over slots the base may hold: not worth modelling (CREATE targets only).
      abandoned = "hasStorage after clearing slots of " + address;
      return false;
    }
    if (!a.loaded) {
      load(a);
    }
    boolean value = overlay.peekHasStorage(address, a.base);
    reads.add(new HasStorageRead(a, value));
    return value;
  }

  @Override
  public UInt256 getTransientStorage(Address address, UInt256 key) {
    if (transientStorage == null) {
      return UInt256.ZERO;
    }
    return transientStorage.getOrDefault(new SlotKey(address, key), UInt256.ZERO);
  }

  /** BLOCKHASH, logged so that the witness gets the headers at commit. */
  @Override
  public Hash apply(long number) {
    reads.add(new BlockHashRead(number));
    return blockHashes.apply(number);
  }

  // ---------------------------------------------------------------- writes

  private void change(Acct a) {
    if (markCount > 0) {
      journal.add(new AcctUndo(a));
    }
  }

  @Override
  public void createAccount(Address address) {
    Acct a = acct(address);
    if (!existsOf(a)) {
      // As BlockState: an empty account with nonce 0 (its other fields are the absent base's).
      change(a);
      a.presence = PRESENT;
      a.nonceSet = true;
      a.nonce = 0;
    }
    touch(address);
  }

  @Override
  public void setNonce(Address address, long nonce) {
    Acct a = acct(address);
    change(a);
    a.presence = PRESENT;
    a.nonceSet = true;
    a.nonce = nonce;
    touch(address);
  }

  @Override
  public void setBalance(Address address, UInt256 balance) {
    Acct a = acct(address);
    change(a);
    a.presence = PRESENT;
    a.balanceSet = true;
    a.balance = balance;
    a.credited = false;
    a.credit = UInt256.ZERO;
    touch(address);
  }

  @Override
  public void addBalance(Address address, UInt256 amount) {
    Acct a = acct(address);
    if (!address.equals(coinbase) || a.balanceSet) {
      setBalance(address, balanceOf(a).add(amount));
      return;
    }
    change(a);
    a.presence = PRESENT; // as setBalance would create it
    a.credited = true;
    a.credit = a.credit.add(amount);
    touch(address);
  }

  @Override
  public void setCode(Address address, byte[] code) {
    Acct a = acct(address);
    change(a);
    a.presence = PRESENT;
    a.codeSet = true;
    a.code = code.length == 0 ? NO_CODE : code;
    a.codeHash = code.length == 0 ? Keccak.EMPTY : Keccak.hash(Bytes.wrap(code));
    touch(address);
  }

  @Override
  public void setStorage(Address address, UInt256 key, UInt256 value) {
    Slot s = slot(address, key);
    UInt256 current = valueOf(s); // BlockState reads the slot before writing it
    if (!s.hasOriginal) {
      s.hasOriginal = true; // not journaled, as BlockState's originals are not
      s.original = current;
    }
    if (markCount > 0) {
      journal.add(new SlotUndo(s, s.dirty, s.value));
    }
    s.dirty = true;
    s.value = value;
    Acct a = s.account;
    if (a.presence != PRESENT) {
      change(a);
      a.presence = PRESENT; // the trie state creates a missing account
    }
    touch(address);
  }

  @Override
  public void deleteAccount(Address address) {
    Acct a = acct(address);
    change(a);
    a.presence = ABSENT;
    a.wiped = true;
    a.nonceSet = true;
    a.nonce = 0;
    a.balanceSet = true;
    a.balance = UInt256.ZERO;
    a.credited = false;
    a.credit = UInt256.ZERO;
    a.codeSet = true;
    a.codeHash = Keccak.EMPTY;
    a.code = NO_CODE;
    if (a.slots != null) {
      for (Slot s : a.slots) {
        if (s.dirty) {
          if (markCount > 0) {
            journal.add(new SlotUndo(s, true, s.value));
          }
          s.dirty = false;
          s.value = null;
        }
      }
    }
  }

  @Override
  public void touch(Address address) {
    if (!touched.contains(address)) {
      touched.add(address);
      if (markCount > 0) {
        journal.add(TOUCHED);
      }
    }
  }

  @Override
  public Collection<Address> touchedAccounts() {
    return Collections.unmodifiableList(touched);
  }

  @Override
  public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
    if (transientStorage == null) {
      transientStorage = new HashMap<>();
    }
    SlotKey k = new SlotKey(address, key);
    UInt256 previous = value.isZero() ? transientStorage.remove(k) : transientStorage.put(k, value);
    journal.add(new TransientUndo(k, previous == null ? UInt256.ZERO : previous));
  }

  // ---------------------------------------------------------------- journal

  @Override
  public int snapshot() {
    if (markCount == marks.length) {
      marks = Arrays.copyOf(marks, marks.length * 2);
    }
    marks[markCount] = journal.size();
    return markCount++;
  }

  @Override
  public void revertToSnapshot(int snapshot) {
    if (snapshot < 0 || snapshot >= markCount) {
      throw new IllegalArgumentException("no snapshot " + snapshot);
    }
    int size = marks[snapshot];
    for (int i = journal.size() - 1; i >= size; i--) {
      switch (journal.remove(i)) {
        case AcctUndo u -> u.restore();
        case SlotUndo u -> {
          u.slot().dirty = u.dirty();
          u.slot().value = u.value();
        }
        case TransientUndo u -> {
          if (u.previous().isZero()) {
            transientStorage.remove(u.key());
          } else {
            transientStorage.put(u.key(), u.previous());
          }
        }
        case Object o when o == TOUCHED -> touched.removeLast();
        default -> throw new IllegalStateException("unknown journal entry");
      }
    }
    markCount = snapshot;
  }

  /** The transaction is over; its state stays here until its turn. */
  @Override
  public void commitTransaction() {
    journal.clear();
    markCount = 0;
  }

  // ---------------------------------------------------------------- commit (committing thread)

  /**
   * Repeats the base reads, in order, on the block state at this transaction's turn: true if every
   * value is the same. Stops at the first difference, so that it reads (and records for the
   * witness) only what serial execution reads too.
   *
   * @param blockHashes BLOCKHASH as serial execution reads it (recording the headers)
   */
  boolean validate(BlockState state, LongFunction<Hash> blockHashes) {
    for (int i = 0; i < reads.size(); i++) {
      boolean same =
          switch (reads.get(i)) {
            case Acct a -> {
              // The overlay hands out one object per value, so an unchanged value is the same one.
              Account now = state.readAccount(a.address, a.entry).orElse(null);
              yield now == a.base || sameFields(a.base, now, a.used);
            }
            case Slot s -> {
              UInt256 now = state.getStorage(s.account.address, s.key, s.entry);
              yield now == s.base || now.equals(s.base);
            }
            case CodeRead c -> {
              // The account was read before (its code hash compared): only the code is recorded.
              overlay.recordCodeRead(c.account().base.codeHash(), c.account().baseCode);
              yield true;
            }
            case OwnCodeRead c -> {
              overlay.recordCodeRead(c.hash(), Bytes.wrap(c.code()));
              yield true;
            }
            case BlockHashRead b -> {
              blockHashes.apply(b.number());
              yield true;
            }
            case HasStorageRead h -> state.hasStorage(h.account().address) == h.value();
            default -> throw new IllegalStateException("unknown read");
          };
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameFields(Account seen, Account now, int used) {
    if ((used & EXISTS) != 0 && (seen == null) != (now == null)) {
      return false;
    }
    if ((used & EMPTY) != 0 && isEmpty(seen) != isEmpty(now)) {
      return false;
    }
    if ((used & NONCE) != 0 && nonce(seen) != nonce(now)) {
      return false;
    }
    if ((used & BALANCE) != 0 && !balance(seen).equals(balance(now))) {
      return false;
    }
    return (used & CODE_HASH) == 0 || codeHash(seen).equals(codeHash(now));
  }

  private static boolean isEmpty(Account a) {
    return a == null || a.isEmpty();
  }

  private static long nonce(Account a) {
    return a == null ? 0 : a.nonce();
  }

  private static UInt256 balance(Account a) {
    return a == null ? UInt256.ZERO : a.balance().value();
  }

  private static Hash codeHash(Account a) {
    return a == null ? Keccak.EMPTY : a.codeHash();
  }

  /**
   * Applies this transaction's writes to the block state (after {@link #validate}) and ends the
   * transaction there, leaving it as serial execution would: the same final fields, slots and
   * deletions, the coinbase credit added to whatever its balance is now.
   */
  void applyTo(BlockState state) {
    for (Acct a : accounts.values()) {
      if (a.wiped) {
        state.deleteAccount(a.address);
      }
      if (a.presence != PRESENT) {
        continue;
      }
      if (a.nonceSet && a.balanceSet) {
        state.applyNonceAndBalance(a.address, a.nonce, a.balance, a.entry); // a sender
      } else {
        if (a.nonceSet) {
          state.setNonce(a.address, a.nonce);
        }
        if (a.balanceSet) {
          state.setBalance(a.address, a.balance);
        } else if (a.credited) {
          state.addBalance(a.address, a.credit);
        }
      }
      if (a.codeSet) {
        state.setCode(a.address, a.code);
      }
    }
    for (Slot s : slots.values()) {
      if (s.dirty && s.account.presence == PRESENT) {
        if (s.loaded && !s.account.wiped) {
          // validate read the slot on the block state and found this value: it is the current one
          state.applyStorage(s.account.address, s.key, s.value, s.base, s.entry);
        } else {
          state.applyStorage(s.account.address, s.key, s.value);
        }
      }
    }
    state.commitTransaction();
  }

  /** How many base reads were logged (for tests). */
  int readCount() {
    return reads.size();
  }

  /** The account entry of {@code address}, if the transaction used it (for tests). */
  Optional<Acct> account(Address address) {
    return Optional.ofNullable(accounts.get(address));
  }
}
