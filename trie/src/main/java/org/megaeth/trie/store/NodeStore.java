package org.megaeth.trie.store;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Committed trie nodes of one trie, keyed by path: the nibbles from the root to the node, one
 * nibble per byte; the root is at the empty path. A storage layer holding many tries (one per
 * account) gives each its own namespace, e.g. by prefixing keys with the account hash.
 *
 * <p>Why path keys and not hash keys: the store then holds exactly one version of the trie, and a
 * commit overwrites a changed node in place and deletes the positions that no longer hold one
 * ({@link NodeBatch#deletes}), so stale nodes never accumulate and no reference counting or garbage
 * collection pass is needed. Hash keys would make identical subtrees share one entry (two contracts
 * with the same slot and value have byte-identical leaves), so a node could only be dropped once
 * its reference count fell to zero, a read-modify-write on every commit. The cost of path keys is
 * that only the latest committed version is readable; a loader checks each node's hash, so reading
 * an older root fails with {@code MissingTrieNodeException} instead of returning newer data. geth
 * (path scheme) and reth made the same choice. Witnesses and proofs, which must work without the
 * store, are keyed by hash.
 *
 * <p>Implementations must allow concurrent {@link #get} calls (parallel updates load nodes from
 * several threads); {@link #apply} is not concurrent with reads of the same trie.
 */
public interface NodeStore {
  /** The encoding of the node at {@code path}, if there is one. */
  Optional<Bytes> get(Bytes path);

  /** Applies all writes and deletes of {@code batch} atomically. */
  void apply(NodeBatch batch);
}
