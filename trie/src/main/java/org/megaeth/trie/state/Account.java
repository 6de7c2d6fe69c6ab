package org.megaeth.trie.state;

import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
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

  /**
   * Decodes rlp([nonce, balance, storageRoot, codeHash]), strictly. The world state decodes an
   * account on every committed read, so the canonical form is read directly, sharing the empty
   * storage root and code hash; anything else goes through the general RLP reader, which accepts or
   * rejects it. Benchmark before refactoring: {@code benchmarks/.../trie/WorldStateBenchmark}.
   */
  public static Account decode(Bytes rlp) {
    Account account = decodeCanonical(rlp.toArrayUnsafe());
    if (account != null) {
      return account;
    }
    return Rlp.decodeList(
        rlp, r -> new Account(r.readUInt64(), Wei.of(r.readUInt256()), r.readHash(), r.readHash()));
  }

  /** The account, or null when {@code a} is not a canonical account encoding. */
  private static Account decodeCanonical(byte[] a) {
    if (a.length < 2) {
      return null;
    }
    int b0 = a[0] & 0xFF;
    int pos;
    if (b0 >= 0xc0 && b0 <= 0xf7) {
      pos = 1;
    } else if (b0 == 0xf8 && (a[1] & 0xFF) >= 56) {
      pos = 2;
    } else {
      return null;
    }
    if (pos + (b0 == 0xf8 ? a[1] & 0xFF : b0 - 0xc0) != a.length) {
      return null;
    }
    int nonceLength = scalarLength(a, pos, 8);
    if (nonceLength < 0) {
      return null;
    }
    long nonce = 0;
    int start = a[pos] >= 0 ? pos : pos + 1; // a single byte below 0x80 is its own encoding
    for (int i = start; i < start + nonceLength; i++) {
      nonce = (nonce << 8) | (a[i] & 0xFF);
    }
    pos = start + nonceLength;
    int balanceLength = scalarLength(a, pos, 32);
    if (balanceLength < 0) {
      return null;
    }
    start = a[pos] >= 0 ? pos : pos + 1;
    UInt256 balance = UInt256.fromBytes(a, start, balanceLength);
    pos = start + balanceLength;
    if (pos + 66 != a.length || (a[pos] & 0xFF) != 0xa0 || (a[pos + 33] & 0xFF) != 0xa0) {
      return null;
    }
    return new Account(
        nonce,
        balance.isZero() ? Wei.ZERO : Wei.of(balance),
        hash(a, pos + 1, MerklePatriciaTrie.EMPTY_TRIE_ROOT),
        hash(a, pos + 34, Keccak.EMPTY));
  }

  /**
   * The length of the canonical scalar item at {@code a[pos]} (a single byte below 0x80, or a
   * string of at most {@code max} bytes without leading zeros, 0x80 for zero), or -1.
   */
  private static int scalarLength(byte[] a, int pos, int max) {
    if (pos >= a.length) {
      return -1;
    }
    int b = a[pos] & 0xFF;
    if (b < 0x80) {
      return b == 0 ? -1 : 1;
    }
    int length = b - 0x80;
    if (length > max || pos + 1 + length > a.length) {
      return -1;
    }
    if (length > 0 && (a[pos + 1] == 0 || (length == 1 && (a[pos + 1] & 0xFF) < 0x80))) {
      return -1;
    }
    return length;
  }

  /** The hash at {@code a[offset..]}, or {@code common} itself when equal to it. */
  private static Hash hash(byte[] a, int offset, Hash common) {
    for (int i = 0; i < Hash.SIZE; i++) {
      if (a[offset + i] != common.get(i)) {
        return Hash.of(a, offset);
      }
    }
    return common;
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
