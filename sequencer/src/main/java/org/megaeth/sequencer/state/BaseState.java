package org.megaeth.sequencer.state;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.trie.state.Account;

/**
 * The state of a sealed block, readable from any thread while the producer goes on executing: the
 * base under the {@link PendingState} layers.
 */
public interface BaseState {
  /** The state root of the block this is the post-state of. */
  Hash rootHash();

  Optional<Account> account(Address address);

  UInt256 storage(Address address, UInt256 slot);

  /** The code with this hash, empty when unknown (the empty code hash gives empty code). */
  Optional<Bytes> code(Hash codeHash);

  /** The account and the slots with Merkle proofs against {@link #rootHash()}. */
  AccountProof proof(Address address, List<UInt256> slots);
}
