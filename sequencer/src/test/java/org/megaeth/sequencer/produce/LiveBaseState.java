package org.megaeth.sequencer.produce;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.sequencer.state.BaseState;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.WorldState;

/**
 * Reads the producer's own world state, for single-threaded tests that read only between steps; the
 * node reads frozen copies instead. Remembers the root at creation to catch misuse.
 */
final class LiveBaseState implements BaseState {
  private final WorldState state;
  private final Hash root;

  LiveBaseState(WorldState state) {
    this.state = state;
    this.root = state.rootHash();
  }

  @Override
  public Hash rootHash() {
    return root;
  }

  @Override
  public Optional<Account> account(Address address) {
    return state.getAccount(address);
  }

  @Override
  public UInt256 storage(Address address, UInt256 slot) {
    return state.getStorage(address, slot);
  }

  @Override
  public Optional<Bytes> code(Hash codeHash) {
    if (codeHash.equals(Keccak.EMPTY)) {
      return Optional.of(Bytes.EMPTY);
    }
    return Optional.empty();
  }

  @Override
  public AccountProof proof(Address address, List<UInt256> slots) {
    throw new UnsupportedOperationException("tests of the producer do not read proofs");
  }
}
