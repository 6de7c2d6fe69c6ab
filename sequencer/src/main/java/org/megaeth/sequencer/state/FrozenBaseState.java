package org.megaeth.sequencer.state;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.FrozenState;
import org.megaeth.trie.state.StateProof;

/** A sealed block's state as a {@link FrozenState}: safe to read from any thread. */
public record FrozenBaseState(FrozenState state) implements BaseState {
  @Override
  public Hash rootHash() {
    return state.rootHash();
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
    return codeHash.equals(Keccak.EMPTY) ? Optional.of(Bytes.EMPTY) : state.getCodeByHash(codeHash);
  }

  @Override
  public AccountProof proof(Address address, List<UInt256> slots) {
    StateProof proof = state.getProof(address, slots);
    Account account = proof.account().orElse(Account.EMPTY);
    return new AccountProof(
        address,
        proof.accountProof(),
        proof.account().isPresent() ? account.balance() : Wei.ZERO,
        proof.account().isPresent() ? account.codeHash() : Hash.ZERO,
        account.nonce(),
        proof.account().isPresent() ? account.storageRoot() : Hash.ZERO,
        proof.storageProofs().stream()
            .map(s -> new AccountProof.StorageProof(s.slot(), s.value(), s.proof()))
            .toList());
  }
}
