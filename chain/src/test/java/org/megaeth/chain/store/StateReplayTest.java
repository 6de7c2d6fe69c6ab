package org.megaeth.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.trie.state.WorldState;

class StateReplayTest {
  @TempDir Path dir;

  @Test
  void shouldRebuildTheStateOfAnyStoredBlockFromTheDiffs() throws Exception {
    ChainGenerator chain = new ChainGenerator();
    try (ChainStore store = open()) {
      List<BlockBuilder.Built> blocks =
          List.of(chain.next(0, 2, 1), chain.next(2, 3, 1), chain.next(5, 1, 1));
      for (BlockBuilder.Built built : blocks) {
        ChainGenerator.write(store, built);
      }

      WorldState head = StateReplay.stateAt(store, genesisState(), store.head());
      WorldState middle = StateReplay.stateAt(store, genesisState(), blocks.get(1).block().hash());
      WorldState genesis = StateReplay.stateAt(store, genesisState(), store.genesisHash());

      assertThat(head.rootHash()).isEqualTo(chain.head().stateRoot());
      assertThat(middle.rootHash()).isEqualTo(blocks.get(1).block().header().stateRoot());
      assertThat(genesis.rootHash()).isEqualTo(ChainGenerator.genesisBlock().header().stateRoot());
    }
  }

  @Test
  void shouldRefuseADiffThatDoesNotGiveTheHeadersRoot() throws Exception {
    ChainGenerator chain = new ChainGenerator();
    BlockBuilder.Built built = chain.next(0, 1, 1);
    try (ChainStore store = open()) {
      store.writeBlock(built.block(), built.receipts(), new StateDiff(List.of()), built.witness());

      assertThatThrownBy(() -> StateReplay.stateAt(store, genesisState(), store.head()))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("block 1 " + built.block().hash() + ": its stored state diff")
          .hasMessageEndingWith("the header has " + built.block().header().stateRoot());
    }
  }

  private ChainStore open() throws StorageException {
    return ChainStore.open(
        dir.resolve("db"), ChainGenerator.genesisBlock().block(), ChainGenerator.CHAIN_ID, false);
  }

  private static WorldState genesisState() {
    return ChainGenerator.genesisBlock().state();
  }
}
