package org.megaeth.trie.store;

import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;

/**
 * The node writes of one trie commit, applied atomically by {@link NodeStore#apply}. Keys are node
 * paths: the nibbles from the root to the node, one nibble per byte (the root is the empty path).
 *
 * @param puts path to node encoding: nodes that are new or changed at that position
 * @param deletes paths that no longer hold a hashed node; disjoint from {@code puts}
 */
public record NodeBatch(Map<Bytes, Bytes> puts, Set<Bytes> deletes) {
  public static final NodeBatch EMPTY = new NodeBatch(Map.of(), Set.of());

  public NodeBatch {
    puts = Map.copyOf(puts);
    deletes = Set.copyOf(deletes);
    for (Bytes path : deletes) {
      if (puts.containsKey(path)) {
        throw new IllegalArgumentException("path both written and deleted: " + path);
      }
    }
  }

  public boolean isEmpty() {
    return puts.isEmpty() && deletes.isEmpty();
  }
}
