package org.megaeth.core.api;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * An account and some of its storage slots with their Merkle proofs, as {@code eth_getProof}
 * returns them (EIP-1186). Each proof is the list of RLP-encoded trie nodes from the root down to
 * the key's leaf, or to where the path ends for an absent key.
 *
 * @param accountProof the account trie nodes for {@code keccak(address)}
 * @param codeHash {@code keccak("")} for an account without code or no account
 * @param storageHash the storage root; the empty trie's root for an account without storage
 * @param storageProof one entry per slot asked for, in the order asked
 */
public record AccountProof(
    Address address,
    List<Bytes> accountProof,
    Wei balance,
    Hash codeHash,
    long nonce,
    Hash storageHash,
    List<StorageProof> storageProof) {

  public AccountProof {
    Objects.requireNonNull(address, "address");
    accountProof = List.copyOf(accountProof);
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(storageHash, "storageHash");
    storageProof = List.copyOf(storageProof);
  }

  /**
   * One storage slot and its proof in the account's storage trie.
   *
   * @param proof the storage trie nodes for {@code keccak(key)}
   */
  public record StorageProof(UInt256 key, UInt256 value, List<Bytes> proof) {
    public StorageProof {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      proof = List.copyOf(proof);
    }
  }
}
