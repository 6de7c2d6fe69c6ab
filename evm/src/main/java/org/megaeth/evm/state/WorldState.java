package org.megaeth.evm.state;

import java.util.Collection;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;

/**
 * The world state as the EVM sees it while executing one transaction at a time. Implementations
 * keep a journal: {@link #snapshot()} marks a point, {@link #revertToSnapshot} undoes every change
 * since it (a failed call frame), and {@link #commitTransaction()} makes the transaction's changes
 * final and starts the next one. The in-memory implementation is {@link InMemoryWorldState}; the
 * trie-backed world state of the {@code chain} module implements the same interface.
 *
 * <p>Every mutating method "touches" the account (EIP-161): the transaction processor removes
 * touched accounts that end up empty.
 */
public interface WorldState {

  /** Whether an account exists at {@code address} (possibly empty). */
  boolean exists(Address address);

  /** EIP-161: no account, or nonce 0, balance 0 and no code. */
  boolean isEmpty(Address address);

  /** Unsigned 64-bit; 0 for a missing account. */
  long getNonce(Address address);

  UInt256 getBalance(Address address);

  /** The code; an empty array for a missing account or an EOA. Callers must not modify it. */
  byte[] getCode(Address address);

  /** keccak256 of the code; {@link org.megaeth.core.crypto.Keccak#EMPTY} without code. */
  Hash getCodeHash(Address address);

  UInt256 getStorage(Address address, UInt256 key);

  /** The slot's value when the current transaction began (EIP-2200 "original value"). */
  UInt256 getOriginalStorage(Address address, UInt256 key);

  /** Whether the account has any non-zero storage slot (EIP-7610 collision rule for CREATE). */
  boolean hasStorage(Address address);

  /** Creates the account if missing (nonce 0, no balance); touches it. */
  void createAccount(Address address);

  void setNonce(Address address, long nonce);

  void setBalance(Address address, UInt256 balance);

  void setCode(Address address, byte[] code);

  void setStorage(Address address, UInt256 key, UInt256 value);

  /** Removes the account and its storage (SELFDESTRUCT at the end of a transaction, EIP-161). */
  void deleteAccount(Address address);

  /** EIP-161: marks the account as touched without changing it. */
  void touch(Address address);

  /** The accounts touched by the current transaction. */
  Collection<Address> touchedAccounts();

  /** EIP-1153 transient storage: zero unless written in this transaction. */
  UInt256 getTransientStorage(Address address, UInt256 key);

  void setTransientStorage(Address address, UInt256 key, UInt256 value);

  /** Marks the current point of the journal. */
  int snapshot();

  /** Undoes every change made after {@code snapshot} was taken. */
  void revertToSnapshot(int snapshot);

  /**
   * Ends the current transaction: its changes become the original values of the next one, the
   * journal and the touched set are cleared, and transient storage is discarded (EIP-1153).
   */
  void commitTransaction();

  default void addBalance(Address address, UInt256 amount) {
    setBalance(address, getBalance(address).add(amount));
  }

  /** Subtracts; the caller has checked that the balance suffices. */
  default void subtractBalance(Address address, UInt256 amount) {
    setBalance(address, getBalance(address).subtract(amount));
  }
}
