package org.megaeth.trie.patricia;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * The pre-state trie nodes that a run of reads and updates touched, keyed by hash: enough for a
 * verifier holding nothing else to repeat the same reads and updates and compute the same root (the
 * {@code state} part of geth's {@code debug_executionWitness}).
 *
 * @param root the root the recording started from
 * @param nodes node hash to node encoding; unmodifiable
 */
public record Witness(Hash root, Map<Hash, Bytes> nodes) {
  public Witness {
    nodes = Map.copyOf(nodes);
  }
}
