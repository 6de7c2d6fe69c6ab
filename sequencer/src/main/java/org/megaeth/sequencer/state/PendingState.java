package org.megaeth.sequencer.state;

import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.AccountInfo;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.Account;

/**
 * The state after the newest published mini-block: the last sealed block's state ({@link
 * BaseState}) under the changes of the open block's mini-blocks, newest last. Immutable: {@link
 * #with} returns a new view, so a reader on any thread (RPC, ingress) holds one consistent state
 * while the producer goes on, and never sees a value that a later mini-block has not confirmed.
 *
 * <p>Each mini-block adds a layer; a read looks through the layers newest first, then the base.
 * Layers are merged like a binary counter: the newest two are merged while the older is less than
 * twice the size of the newer, so sizes at least double going down, a block of n changed accounts
 * has at most about log2(n) layers, and each change is copied about log2(n) times in all. The
 * earlier rule (merge everything into one layer every 8 mini-blocks) copied the whole block's
 * changes every 8 mini-blocks: a tenth of the production thread under load.
 */
public final class PendingState {
  private final BaseState base;
  private final long sequence;

  /** Oldest first; index 0 may be the merged layer of the block's earlier mini-blocks. */
  private final StateLayer[] layers;

  private PendingState(BaseState base, long sequence, StateLayer[] layers) {
    this.base = base;
    this.sequence = sequence;
    this.layers = layers;
  }

  /** The state of a sealed block, with no mini-block of the next block yet. */
  public static PendingState of(BaseState base, long sequence) {
    return new PendingState(base, sequence, new StateLayer[0]);
  }

  /** This state with the changes of the mini-block numbered {@code sequence} on top. */
  public PendingState with(StateDiff miniBlockDiff, long sequence) {
    StateLayer[] next = Arrays.copyOf(layers, layers.length + 1);
    int count = next.length;
    next[count - 1] = StateLayer.of(miniBlockDiff);
    while (count >= 2 && next[count - 2].size() < 2 * next[count - 1].size()) {
      next[count - 2] = StateLayer.merge(next[count - 2], next[count - 1]);
      count--;
    }
    return new PendingState(
        base, sequence, count == next.length ? next : Arrays.copyOf(next, count));
  }

  /** The sealed block's state underneath. */
  public BaseState base() {
    return base;
  }

  /** The sequence number of the newest mini-block in this state (or of the last before it). */
  public long sequence() {
    return sequence;
  }

  /** The account, or empty when it does not exist. */
  public Optional<Account> account(Address address) {
    AccountInfo info = null;
    boolean storageCleared = false;
    for (int i = layers.length - 1; i >= 0; i--) {
      StateLayer.Entry entry = layers[i].accounts.get(address);
      if (entry == null) {
        continue;
      }
      if (entry.deleted) {
        return Optional.empty();
      }
      storageCleared |= entry.storageCleared;
      if (entry.info != null) {
        info = entry.info;
        break;
      }
    }
    Optional<Account> sealed = base.account(address);
    if (info == null) {
      return sealed;
    }
    // Storage roots are computed only at sealing: this is the sealed block's, which is what the
    // account's storage root was before the open block (an RPC proof reads the sealed state).
    return Optional.of(
        new Account(
            info.nonce(),
            Wei.of(info.balance()),
            sealed.isEmpty() || storageCleared
                ? Account.EMPTY.storageRoot()
                : sealed.get().storageRoot(),
            info.codeHash()));
  }

  public long nonce(Address address) {
    return account(address).map(Account::nonce).orElse(0L);
  }

  public Wei balance(Address address) {
    return account(address).map(Account::balance).orElse(Wei.ZERO);
  }

  public UInt256 storage(Address address, UInt256 slot) {
    for (int i = layers.length - 1; i >= 0; i--) {
      StateLayer.Entry entry = layers[i].accounts.get(address);
      if (entry == null) {
        continue;
      }
      if (entry.deleted) {
        return UInt256.ZERO;
      }
      UInt256 value = entry.slots.get(slot);
      if (value != null) {
        return value;
      }
      if (entry.storageCleared) {
        return UInt256.ZERO;
      }
    }
    return base.storage(address, slot);
  }

  public Bytes code(Address address) {
    Optional<Account> account = account(address);
    return account.isEmpty() ? Bytes.EMPTY : code(account.get().codeHash());
  }

  /** The code with this hash; empty for the empty code hash or an unknown hash. */
  public Bytes code(Hash codeHash) {
    if (codeHash.equals(Keccak.EMPTY)) {
      return Bytes.EMPTY;
    }
    for (int i = layers.length - 1; i >= 0; i--) {
      Bytes code = layers[i].codes.get(codeHash);
      if (code != null) {
        return code;
      }
    }
    return base.code(codeHash).orElse(Bytes.EMPTY);
  }

  /** Whether the account has a non-zero slot (EIP-7610), as far as the layers and base tell. */
  public boolean hasStorage(Address address) {
    for (int i = layers.length - 1; i >= 0; i--) {
      StateLayer.Entry entry = layers[i].accounts.get(address);
      if (entry == null) {
        continue;
      }
      if (entry.deleted) {
        return false;
      }
      for (UInt256 value : entry.slots.values()) {
        if (!value.isZero()) {
          return true;
        }
      }
      if (entry.storageCleared) {
        return false;
      }
    }
    return base.account(address)
        .map(a -> !a.storageRoot().equals(Account.EMPTY.storageRoot()))
        .orElse(false);
  }

  /** Whether no mini-block has changed anything since the sealed block. */
  public boolean isSealedState() {
    return layers.length == 0;
  }

  /** The sender's nonce, balance and code, as the mempool checks them. */
  public SenderAccount sender(Address address) {
    Optional<Account> account = account(address);
    if (account.isEmpty()) {
      return new SenderAccount(0, Wei.ZERO, Bytes.EMPTY);
    }
    return new SenderAccount(
        account.get().nonce(), account.get().balance(), code(account.get().codeHash()));
  }
}
