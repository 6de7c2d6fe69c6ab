package org.megaeth.chain.store;

import java.util.ArrayList;
import java.util.List;
import org.megaeth.chain.state.StateDiffApplier;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.state.WorldState;

/**
 * Rebuilds the state after a stored block from the genesis state and the stored state diffs of the
 * block's ancestry, the way a full node follows the chain: no re-execution, and every block's state
 * root checked. Used while the state itself is not persisted: a restarted import continues from its
 * head this way.
 */
public final class StateReplay {
  private StateReplay() {}

  /**
   * Applies to {@code genesisState} (which must be the store's genesis state) the diffs from block
   * 1 up to {@code target}, and returns it.
   *
   * @throws IllegalArgumentException when {@code target} is not stored or the state is not the
   *     genesis state
   * @throws StorageException when a stored ancestor or diff is missing, or a diff does not give its
   *     header's state root
   */
  public static WorldState stateAt(ChainStore store, WorldState genesisState, Hash target)
      throws StorageException {
    BlockHeader genesis = store.header(store.genesisHash()).orElseThrow();
    if (!genesisState.rootHash().equals(genesis.stateRoot())) {
      throw new IllegalArgumentException(
          "the state's root %s is not the genesis state root %s"
              .formatted(genesisState.rootHash(), genesis.stateRoot()));
    }
    List<BlockHeader> chain = new ArrayList<>();
    BlockHeader cursor =
        store
            .header(target)
            .orElseThrow(() -> new IllegalArgumentException("block " + target + " is not stored"));
    while (!cursor.hash().equals(genesis.hash())) {
      chain.add(cursor);
      Hash parent = cursor.parentHash();
      if (cursor.number() <= genesis.number()) {
        throw broken(cursor, "its ancestry does not lead to the genesis block");
      }
      BlockHeader child = cursor;
      cursor = store.header(parent).orElseThrow(() -> broken(child, "its parent is not stored"));
    }
    for (BlockHeader header : chain.reversed()) {
      StateDiff diff = store.diff(header.hash()).orElseThrow(() -> broken(header, "no diff"));
      try {
        StateDiffApplier.apply(diff, genesisState);
      } catch (InvalidStateDiffException e) {
        throw new StorageException(describe(header) + ": its stored state diff does not apply", e);
      }
      Hash root = genesisState.computeRoot();
      if (!root.equals(header.stateRoot())) {
        throw new StorageException(
            describe(header),
            new IllegalStateException(
                "its stored state diff gives root %s, the header has %s"
                    .formatted(root, header.stateRoot())));
      }
    }
    return genesisState;
  }

  private static StorageException.Unchecked broken(BlockHeader header, String problem) {
    return new StorageException.Unchecked(
        "cannot rebuild the state at " + describe(header), new IllegalStateException(problem));
  }

  private static String describe(BlockHeader header) {
    return "block " + header.number() + " " + header.hash();
  }
}
