package org.megaeth.chain.statetest;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;
import org.megaeth.trie.state.Account;

/**
 * The state root of an EVM post-state, computed with the node's own trie: key keccak(address),
 * value rlp([nonce, balance, storageRoot, codeHash]); storage keys keccak(slot), values rlp(minimal
 * value), zero slots absent.
 */
public final class StateRoot {
  private StateRoot() {}

  public static Hash of(InMemoryWorldState state) {
    SecureMerklePatriciaTrie accounts = SecureMerklePatriciaTrie.create();
    for (Map.Entry<Address, InMemoryWorldState.Account> e : state.accounts().entrySet()) {
      InMemoryWorldState.Account account = e.getValue();
      Hash storageRoot = storageRoot(account.storage());
      accounts.put(
          e.getKey().bytes(),
          new Account(account.nonce(), Wei.of(account.balance()), storageRoot, account.codeHash())
              .encode());
    }
    return accounts.rootHash();
  }

  private static Hash storageRoot(Map<UInt256, UInt256> storage) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (Map.Entry<UInt256, UInt256> slot : storage.entrySet()) {
      if (!slot.getValue().isZero()) {
        trie.put(
            Bytes.wrap(slot.getKey().toBytes32()),
            Rlp.encode(w -> w.writeUInt256(slot.getValue())));
      }
    }
    return trie.rootHash();
  }
}
