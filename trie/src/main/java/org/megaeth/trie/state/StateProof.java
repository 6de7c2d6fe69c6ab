package org.megaeth.trie.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

/**
 * An account and some of its storage slots with Merkle proofs against one state root, the content
 * of an {@code eth_getProof} answer (EIP-1186). Each proof lists the RLP-encoded trie nodes from
 * the root down the key's path; verify with {@code MerkleProof.verify(root, keccak256(key),
 * proof)}.
 *
 * @param account empty when no account exists at the address (the proof then shows its absence)
 * @param accountProof the account trie nodes for {@code keccak256(address)}
 * @param storageProofs one per slot asked for, in the order asked
 */
public record StateProof(
    Address address,
    Optional<Account> account,
    List<Bytes> accountProof,
    List<SlotProof> storageProofs) {
  public StateProof {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(account, "account");
    accountProof = List.copyOf(accountProof);
    storageProofs = List.copyOf(storageProofs);
  }

  /** The storage root the slot proofs are against: the empty trie's for a missing account. */
  public Hash storageRoot() {
    return account.map(Account::storageRoot).orElse(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
  }

  /**
   * One slot with its proof in the account's storage trie.
   *
   * @param value zero for an absent slot
   * @param proof the storage trie nodes for {@code keccak256(slot as 32 bytes)}
   */
  public record SlotProof(UInt256 slot, UInt256 value, List<Bytes> proof) {
    public SlotProof {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(value, "value");
      proof = List.copyOf(proof);
    }
  }
}
