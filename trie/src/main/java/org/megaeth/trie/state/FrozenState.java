package org.megaeth.trie.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.trie.patricia.FrozenSecureTrie;

/**
 * A read-only view of a {@link WorldState} as of one {@link WorldState#computeRoot}, taken with
 * {@link WorldState#freeze()}: any number of threads may read it, for as long as they like, while
 * the world state goes on executing and committing blocks. For RPC reads of an older block, state
 * snapshots written in the background, and proofs.
 *
 * <p>It shares the world state's trie nodes, which are immutable once hashed (see {@link
 * FrozenSecureTrie}), its persistent map of storage tries (each commit makes a new map; this view
 * keeps the one it was given), and the code store, which only ever grows and is keyed by code hash
 * (a concurrent map, so reading it while a block adds code is safe). So a view costs O(1) to take
 * and keeps alive only the nodes that later blocks replaced.
 *
 * <p>Reads walk the tries with the hashed key: one keccak and a few node hops per read, where the
 * live state reads committed values from a hash index. Every field is final, so the view may be
 * handed to another thread by any means (JLS 17.5).
 */
public final class FrozenState {
  private final Hash root;
  private final FrozenSecureTrie accounts;
  private final PersistentMap<Address, FrozenSecureTrie> storage;
  private final Map<Hash, Bytes> codes;

  FrozenState(
      Hash root,
      FrozenSecureTrie accounts,
      PersistentMap<Address, FrozenSecureTrie> storage,
      Map<Hash, Bytes> codes) {
    this.root = root;
    this.accounts = accounts;
    this.storage = storage;
    this.codes = codes;
  }

  /** An account and its address, as {@link #accounts()} yields them. */
  public record AccountEntry(Address address, Account account) {}

  /** A non-zero storage slot, as {@link #storage(Address)} yields them. */
  public record SlotEntry(UInt256 slot, UInt256 value) {}

  /** The state root this view holds. */
  public Hash rootHash() {
    return root;
  }

  public Optional<Account> getAccount(Address address) {
    return accounts.get(address.bytes()).map(Account::decode);
  }

  /** Whether an account exists at {@code address} (possibly empty, EIP-161). */
  public boolean exists(Address address) {
    return accounts.get(address.bytes()).isPresent();
  }

  /** The slot's value; zero for an absent slot or account. */
  public UInt256 getStorage(Address address, UInt256 slot) {
    FrozenSecureTrie trie = storage.get(address);
    if (trie == null) {
      return UInt256.ZERO;
    }
    return trie.get(WorldState.slotKey(slot)).map(WorldState::decodeSlotValue).orElse(UInt256.ZERO);
  }

  /** The account's code; empty for an absent account or one without code. */
  public Bytes getCode(Address address) {
    Optional<Account> account = getAccount(address);
    if (account.isEmpty() || !account.get().hasCode()) {
      return Bytes.EMPTY;
    }
    Hash codeHash = account.get().codeHash();
    Bytes code = codes.get(codeHash);
    if (code == null) {
      throw new MissingCodeException(address, codeHash);
    }
    return code;
  }

  /**
   * The code with hash {@code codeHash}. The code store is shared with the live state and only
   * grows, so this can also find code first deployed after this view was taken.
   */
  public Optional<Bytes> getCodeByHash(Hash codeHash) {
    return Optional.ofNullable(codes.get(codeHash));
  }

  /** The account and the given slots with their proofs against {@link #rootHash()}. */
  public StateProof getProof(Address address, List<UInt256> slots) {
    Optional<Account> account = getAccount(address);
    List<Bytes> accountProof = accounts.getProof(address.bytes());
    FrozenSecureTrie trie = account.isPresent() ? storage.get(address) : null;
    if (trie == null) {
      trie = FrozenSecureTrie.EMPTY;
    }
    List<StateProof.SlotProof> slotProofs = new ArrayList<>(slots.size());
    for (UInt256 slot : slots) {
      Bytes key = WorldState.slotKey(slot);
      UInt256 value = trie.get(key).map(WorldState::decodeSlotValue).orElse(UInt256.ZERO);
      slotProofs.add(new StateProof.SlotProof(slot, value, trie.getProof(key)));
    }
    return new StateProof(address, account, accountProof, slotProofs);
  }

  /**
   * Every account, in account trie order (by keccak256 of the address), streamed: nothing is
   * collected, so a snapshot writer can walk a state of any size.
   */
  public Iterator<AccountEntry> accounts() {
    Iterator<FrozenSecureTrie.Entry> entries = accounts.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public AccountEntry next() {
        FrozenSecureTrie.Entry e = entries.next();
        return new AccountEntry(Address.of(e.key()), Account.decode(e.value()));
      }
    };
  }

  /** The account's non-zero slots, in storage trie order (by keccak256 of the slot), streamed. */
  public Iterator<SlotEntry> storage(Address address) {
    FrozenSecureTrie trie = storage.get(address);
    if (trie == null) {
      return java.util.Collections.emptyIterator();
    }
    Iterator<FrozenSecureTrie.Entry> entries = trie.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public SlotEntry next() {
        FrozenSecureTrie.Entry e = entries.next();
        return new SlotEntry(UInt256.fromBytes(e.key()), WorldState.decodeSlotValue(e.value()));
      }
    };
  }

  /** How many accounts have a non-empty storage trie. */
  public int accountsWithStorage() {
    return storage.size();
  }

  @Override
  public String toString() {
    return "FrozenState[" + root + "]";
  }
}
