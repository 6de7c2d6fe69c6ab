package org.megaeth.chain.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

/**
 * A deterministic sequence of trie commits: the crash test's child process writes it to RocksDB and
 * the test recomputes it in memory, so both sides know every root the store may hold.
 */
final class CommitSequence {
  private final Random random = new Random(42);
  private final List<Bytes> keys = new ArrayList<>();
  private final MerklePatriciaTrie trie = MerklePatriciaTrie.create();

  /** Applies the next commit's changes (60 inserts or updates, 10 deletes) to the trie. */
  MerklePatriciaTrie next() {
    for (int i = 0; i < 60; i++) {
      Bytes key;
      if (keys.isEmpty() || random.nextInt(3) == 0) {
        key = Bytes.wrap(Keccak.keccak256(Bytes.ofUnsignedLong(random.nextLong()).toArray()));
        keys.add(key);
      } else {
        key = keys.get(random.nextInt(keys.size()));
      }
      byte[] value = new byte[1 + random.nextInt(60)];
      random.nextBytes(value);
      value[0] = 1; // never empty: an empty value would mean delete
      trie.put(key, Bytes.wrap(value));
    }
    for (int i = 0; i < 10 && !keys.isEmpty(); i++) {
      trie.remove(keys.remove(random.nextInt(keys.size())));
    }
    return trie;
  }
}
