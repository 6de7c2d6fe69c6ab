package org.megaeth.trie.state;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * What a stateless verifier needs to replay a block's state accesses: the pre-state root, the trie
 * nodes (account and storage tries together, by hash) and the contract codes read (by code hash);
 * the {@code state} and {@code codes} of geth's {@code debug_executionWitness}.
 */
public record StateWitness(Hash root, Map<Hash, Bytes> nodes, Map<Hash, Bytes> codes) {
  public StateWitness {
    nodes = Map.copyOf(nodes);
    codes = Map.copyOf(codes);
  }
}
