package org.megaeth.chain.store;

import java.nio.file.Path;
import java.util.Random;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.trie.state.WorldState;

/**
 * The stored-state crash test's child process: stores blocks of random state changes with their
 * state, each with fsync, printing the block's number after the write returns, until it is killed.
 * The diffs come from a fixed seed, so the parent can rebuild the same chain's states.
 */
public final class StateWriteLoop {
  static final long SEED = 42;
  static final int ACCOUNTS = 40;
  static final int SLOT_KEYS = 30;

  private StateWriteLoop() {}

  public static void main(String[] args) throws Exception {
    Random random = new Random(SEED);
    try (ChainStore store =
        ChainStore.open(
            Path.of(args[0]),
            ChainGenerator.genesisBlock().block(),
            ChainGenerator.CHAIN_ID,
            true)) {
      store.writeState(store.genesisHash(), ChainGenerator.genesisBlock().state());
      // A small cache budget: the state is read back from the database all the time.
      WorldState state = ((StoredState.Opened) store.openState(64)).state();
      while (true) {
        StateDiff diff = DiffChain.random(random, state, ACCOUNTS, SLOT_KEYS, 12);
        store.writeBlock(DiffChain.apply(store.headHeader(), state, diff), state);
        System.out.println("stored " + store.headHeader().number());
        System.out.flush();
      }
    }
  }
}
