package org.megaeth.rpc.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.config.genesis.GenesisAccount;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;

/**
 * Every account of a state in plain maps, built from a genesis alloc and block state diffs: the
 * test chain's view of a sealed block's state. It can build the Merkle tries, so its state root
 * must equal the header's (a check of the diffs and of this mirror) and it can prove accounts.
 */
final class StateMirror {
  /** One account; storage holds non-zero slots only. */
  static final class Entry {
    long nonce;
    Wei balance = Wei.ZERO;
    Hash codeHash = Keccak.EMPTY;
    Bytes code = Bytes.EMPTY;
    final Map<UInt256, UInt256> storage = new TreeMap<>();
  }

  private final Map<Address, Entry> accounts = new HashMap<>();
  private final Map<Hash, Bytes> codes;

  private StateMirror(Map<Hash, Bytes> codes) {
    this.codes = codes;
  }

  static StateMirror of(Map<Address, GenesisAccount> alloc, Map<Hash, Bytes> codes) {
    StateMirror mirror = new StateMirror(codes);
    alloc.forEach(
        (address, account) -> {
          Entry e = new Entry();
          e.nonce = account.nonce();
          e.balance = account.balance();
          e.code = account.code();
          e.codeHash = account.code().isEmpty() ? Keccak.EMPTY : Keccak.hash(account.code());
          codes.put(e.codeHash, account.code());
          account
              .storage()
              .forEach(
                  (k, v) -> {
                    if (!v.isZero()) {
                      e.storage.put(k, v);
                    }
                  });
          mirror.accounts.put(address, e);
        });
    return mirror;
  }

  void apply(StateDiff diff) {
    for (AccountDiff d : diff.accounts()) {
      if (d.deleted()) {
        accounts.remove(d.address());
        continue;
      }
      Entry e = accounts.computeIfAbsent(d.address(), a -> new Entry());
      if (d.storageCleared()) {
        e.storage.clear();
      }
      d.info()
          .ifPresent(
              info -> {
                e.nonce = info.nonce();
                e.balance = Wei.of(info.balance());
                e.codeHash = info.codeHash();
                info.code().ifPresent(c -> codes.put(info.codeHash(), c));
                e.code = info.hasCode() ? codes.get(info.codeHash()) : Bytes.EMPTY;
              });
      for (SlotChange slot : d.slots()) {
        if (slot.value().isZero()) {
          e.storage.remove(slot.key());
        } else {
          e.storage.put(slot.key(), slot.value());
        }
      }
    }
  }

  Optional<Entry> get(Address address) {
    return Optional.ofNullable(accounts.get(address));
  }

  /** The state root, computed from scratch. */
  Hash rootHash() {
    return accountTrie().rootHash();
  }

  AccountProof proof(Address address, List<UInt256> slots) {
    Entry e = accounts.get(address);
    SecureMerklePatriciaTrie storage = storageTrie(e);
    List<AccountProof.StorageProof> storageProofs = new ArrayList<>();
    for (UInt256 slot : slots) {
      UInt256 value = e == null ? UInt256.ZERO : e.storage.getOrDefault(slot, UInt256.ZERO);
      storageProofs.add(
          new AccountProof.StorageProof(
              slot, value, storage.getProof(Bytes.wrap(slot.toBytes32()))));
    }
    return new AccountProof(
        address,
        accountTrie().getProof(address.bytes()),
        e == null ? Wei.ZERO : e.balance,
        e == null ? Keccak.EMPTY : e.codeHash,
        e == null ? 0 : e.nonce,
        e == null ? MerklePatriciaTrie.EMPTY_TRIE_ROOT : storage.rootHash(),
        storageProofs);
  }

  private SecureMerklePatriciaTrie accountTrie() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    accounts.forEach(
        (address, e) -> trie.put(address.bytes(), encodeAccount(e, storageTrie(e).rootHash())));
    return trie;
  }

  private static SecureMerklePatriciaTrie storageTrie(Entry e) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    if (e != null) {
      e.storage.forEach(
          (k, v) ->
              trie.put(Bytes.wrap(k.toBytes32()), Rlp.encodeBytes(Bytes.wrap(v.toMinimalBytes()))));
    }
    return trie;
  }

  /** The account trie leaf: {@code rlp([nonce, balance, storageRoot, codeHash])}. */
  static Bytes encodeAccount(Entry e, Hash storageRoot) {
    return Rlp.encodeList(
        w -> {
          w.writeUInt64(e.nonce);
          w.writeUInt256(e.balance.value());
          w.writeHash(storageRoot);
          w.writeHash(e.codeHash);
        });
  }
}
