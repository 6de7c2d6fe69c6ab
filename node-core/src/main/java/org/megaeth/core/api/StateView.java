package org.megaeth.core.api;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * A consistent, read-only view of the world state after one block or mini-block: every read sees
 * the same state, whatever the node does meanwhile. The values of absent accounts are zero and
 * empty, as the EVM sees them.
 *
 * <p>A view may pin resources (a snapshot, a database iterator), so callers close it when done;
 * reads after {@link #close()} are undefined. One view may be read by one thread at a time; the
 * node may hand out any number of views concurrently.
 */
public interface StateView extends AutoCloseable {

  /**
   * The block this state is the post-state of (or, for the newest state, the block being built).
   */
  BlockContext block();

  /** Whether an account exists at {@code address} (possibly empty, EIP-161). */
  boolean exists(Address address);

  /** Unsigned 64-bit; 0 for a missing account. */
  long nonce(Address address);

  Wei balance(Address address);

  /** The code; empty for a missing account or one without code. */
  Bytes code(Address address);

  /** {@code keccak256} of the code: {@link org.megaeth.core.crypto.Keccak#EMPTY} without code. */
  Hash codeHash(Address address);

  /** The slot's value; zero for an absent slot or account. */
  UInt256 storage(Address address, UInt256 slot);

  /**
   * Whether the account has any non-zero slot (its storage root is not the empty trie's): the
   * EIP-7610 rule that a contract cannot be created over existing storage.
   */
  boolean hasStorage(Address address);

  /**
   * The account and the given slots with Merkle proofs against this state's root; empty when this
   * view cannot prove (for example the newest mini-block state, which has no state root yet).
   */
  Optional<AccountProof> proof(Address address, List<UInt256> slots);

  /** Releases what the view pins; the default has nothing to release. */
  @Override
  default void close() {}
}
