package org.megaeth.trie.store;

import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * The writes that bring a {@link StateStore} from one persisted world state to the next, to be
 * applied all or nothing (in one database write batch, with the block they belong to).
 *
 * <p>Order matters: a storage namespace in {@code clearedStorage} is removed first (its account was
 * deleted, or its storage wiped by a contract creation over it), and then that account's {@code
 * storageTries} batch, if any, writes the new trie into the empty namespace. Removing the namespace
 * with one range delete is how a deleted account's storage leaves the database without reading it.
 *
 * @param accountTrie the account trie's node writes
 * @param storageTries node writes per account hash
 * @param clearedStorage account hashes whose whole storage namespace is removed before the writes
 * @param codes new codes by hash; codes are never deleted (see the storage layer for why)
 */
public record StateBatch(
    NodeBatch accountTrie,
    Map<Hash, NodeBatch> storageTries,
    Set<Hash> clearedStorage,
    Map<Hash, Bytes> codes) {
  public StateBatch {
    storageTries = Map.copyOf(storageTries);
    clearedStorage = Set.copyOf(clearedStorage);
    codes = Map.copyOf(codes);
  }

  /** Trie-node puts and deletes in all tries (not counting the namespace range deletes). */
  public int nodeWrites() {
    int writes = accountTrie.puts().size() + accountTrie.deletes().size();
    for (NodeBatch batch : storageTries.values()) {
      writes += batch.puts().size() + batch.deletes().size();
    }
    return writes;
  }
}
