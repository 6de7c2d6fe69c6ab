package org.megaeth.chain.storage;

import java.nio.file.Path;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

/**
 * The crash test's child process: commits {@link CommitSequence} to a RocksDB store as fast as it
 * can and prints each root after its commit returns, until it is killed.
 */
public final class CommitLoop {
  private CommitLoop() {}

  public static void main(String[] args) throws Exception {
    CommitSequence sequence = new CommitSequence();
    try (RocksDbNodeStore store = RocksDbNodeStore.open(Path.of(args[0]), true)) {
      for (int i = 0; ; i++) {
        MerklePatriciaTrie trie = sequence.next();
        store.apply(trie.commit());
        System.out.println("committed " + i + " " + trie.rootHash());
        System.out.flush();
      }
    }
  }
}
