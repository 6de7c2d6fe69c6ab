package org.megaeth.trie.state;

import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

/**
 * An account as stored in the state trie: rlp([nonce, balance, storageRoot, codeHash]).
 *
 * @param nonce unsigned 64-bit (a negative long is read as its unsigned value)
 * @param storageRoot the root of the account's storage trie as of the last state-root computation
 */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
  /** A fresh account: no nonce, no balance, no storage, no code. */
  public static final Account EMPTY =
      new Account(0, Wei.ZERO, MerklePatriciaTrie.EMPTY_TRIE_ROOT, Keccak.EMPTY);

  public static Account decode(Bytes rlp) {
    return Rlp.decodeList(
        rlp, r -> new Account(r.readUInt64(), Wei.of(r.readUInt256()), r.readHash(), r.readHash()));
  }

  public Bytes encode() {
    return Rlp.encodeList(
        w -> {
          w.writeUInt64(nonce);
          w.writeUInt256(balance.value());
          w.writeHash(storageRoot);
          w.writeHash(codeHash);
        });
  }

  /** Empty in the sense of EIP-161: no nonce, no balance, no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.value().isZero() && codeHash.equals(Keccak.EMPTY);
  }

  public boolean hasCode() {
    return !codeHash.equals(Keccak.EMPTY);
  }

  public Account withNonce(long newNonce) {
    return new Account(newNonce, balance, storageRoot, codeHash);
  }

  public Account withBalance(Wei newBalance) {
    return new Account(nonce, newBalance, storageRoot, codeHash);
  }

  public Account withStorageRoot(Hash newRoot) {
    return new Account(nonce, balance, newRoot, codeHash);
  }

  public Account withCodeHash(Hash newCodeHash) {
    return new Account(nonce, balance, storageRoot, newCodeHash);
  }
}
