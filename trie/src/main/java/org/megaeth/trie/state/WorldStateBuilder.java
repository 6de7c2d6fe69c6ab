package org.megaeth.trie.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.trie.internal.ParallelTasks;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;

/**
 * Builds a full {@link WorldState} from a stream of accounts, slots and codes, as a state snapshot
 * holds them: it writes straight into the tries in batches, with no journal and no pending maps, so
 * loading a million accounts costs about what their tries cost, not three times that.
 *
 * <p>Every account carries the storage root its slots must produce; {@link #build} checks each one
 * and that every code hash has its code, so a damaged input is rejected with the account named (the
 * caller also checks the state root). Not thread-safe; {@link #build} hashes on the caller's
 * executor.
 */
public final class WorldStateBuilder {
  /** Changes per trie apply: large enough to share the upper path, small enough to stay cheap. */
  private static final int BATCH = 16_384;

  private final SecureMerklePatriciaTrie accountTrie = SecureMerklePatriciaTrie.create();
  private final Map<Bytes, Bytes> accountBatch = new HashMap<>();
  private final Set<Address> seen = new HashSet<>();
  private final Map<Address, Hash> expectedStorageRoots = new HashMap<>();
  private final Map<Hash, Address> codeUsers = new HashMap<>();
  private final Map<Address, SecureMerklePatriciaTrie> storageTries = new HashMap<>();
  private final Map<Hash, Bytes> codes = new HashMap<>();

  private Address slotAccount;
  private final Map<Bytes, Bytes> slotBatch = new HashMap<>();
  private long accountCount;
  private long slotCount;
  private boolean built;

  /** Adds a contract code, keyed by its keccak256. */
  public void putCode(Bytes code) {
    checkOpen();
    if (!code.isEmpty()) {
      codes.putIfAbsent(Keccak.hash(code), code.copy());
    }
  }

  /**
   * Adds an account. Its {@link Account#storageRoot()} is the root its slots must produce (the
   * empty trie's root when it has none).
   */
  public void putAccount(Address address, Account account) throws InvalidStateException {
    checkOpen();
    if (!seen.add(address)) {
      throw new InvalidStateException("account " + address + " given twice");
    }
    accountCount++;
    accountBatch.put(address.bytes(), account.encode());
    if (accountBatch.size() >= BATCH) {
      flushAccounts();
    }
    if (!account.storageRoot().equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      expectedStorageRoots.put(address, account.storageRoot());
    }
    if (account.hasCode()) {
      codeUsers.putIfAbsent(account.codeHash(), address);
    }
  }

  /** Adds a non-zero slot of an account given before or after it. */
  public void putStorage(Address address, UInt256 slot, UInt256 value)
      throws InvalidStateException {
    checkOpen();
    if (value.isZero()) {
      throw new InvalidStateException("slot " + slot + " of account " + address + " is zero");
    }
    if (!address.equals(slotAccount) || slotBatch.size() >= BATCH) {
      flushSlots();
      slotAccount = address;
    }
    slotCount++;
    if (slotBatch.put(WorldState.slotKey(slot), WorldState.encodeSlotValue(value)) != null) {
      throw new InvalidStateException("slot " + slot + " of account " + address + " given twice");
    }
  }

  public long accountCount() {
    return accountCount;
  }

  public long slotCount() {
    return slotCount;
  }

  /**
   * Hashes every trie, storage tries in parallel on {@code executor} ({@code null}: the calling
   * thread), checks the storage roots and codes, and returns the state. Its root is {@link
   * WorldState#rootHash()}. The builder cannot be used afterwards.
   */
  public WorldState build(Executor executor) throws InvalidStateException {
    checkOpen();
    built = true;
    flushSlots();
    flushAccounts();
    for (Address address : storageTries.keySet()) {
      if (!seen.contains(address)) {
        throw new InvalidStateException("storage given for missing account " + address);
      }
    }
    List<Map.Entry<Address, SecureMerklePatriciaTrie>> tries =
        new ArrayList<>(storageTries.entrySet());
    int chunks =
        Math.min(
            tries.size(), 4 * (executor instanceof ForkJoinPool pool ? pool.getParallelism() : 4));
    Runnable[] tasks = new Runnable[chunks];
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) tries.size() * c / chunks);
      int to = (int) ((long) tries.size() * (c + 1) / chunks);
      tasks[c] =
          () -> {
            for (int i = from; i < to; i++) {
              tries.get(i).getValue().rootHash();
            }
          };
    }
    ParallelTasks.run(executor, tasks);
    for (Map.Entry<Address, SecureMerklePatriciaTrie> e : tries) {
      Hash expected =
          expectedStorageRoots.getOrDefault(e.getKey(), MerklePatriciaTrie.EMPTY_TRIE_ROOT);
      Hash actual = e.getValue().rootHash();
      if (!actual.equals(expected)) {
        throw new InvalidStateException(
            "account "
                + e.getKey()
                + " has storage root "
                + expected
                + " but its slots give "
                + actual);
      }
    }
    for (Map.Entry<Address, Hash> e : expectedStorageRoots.entrySet()) {
      if (!storageTries.containsKey(e.getKey())) {
        throw new InvalidStateException(
            "account " + e.getKey() + " has storage root " + e.getValue() + " but no slots");
      }
    }
    for (Map.Entry<Hash, Address> e : codeUsers.entrySet()) {
      if (!codes.containsKey(e.getKey())) {
        throw new InvalidStateException(
            "account " + e.getValue() + " has code hash " + e.getKey() + " but no such code");
      }
    }
    Hash root = accountTrie.rootHash(executor);
    return WorldState.fromTries(accountTrie, storageTries, codes, root);
  }

  private void flushAccounts() {
    if (!accountBatch.isEmpty()) {
      accountTrie.apply(accountBatch);
      accountBatch.clear();
    }
  }

  private void flushSlots() {
    if (!slotBatch.isEmpty()) {
      storageTries
          .computeIfAbsent(slotAccount, a -> SecureMerklePatriciaTrie.create())
          .apply(slotBatch);
      slotBatch.clear();
    }
  }

  private void checkOpen() {
    if (built) {
      throw new IllegalStateException("the builder has built its state already");
    }
  }
}
