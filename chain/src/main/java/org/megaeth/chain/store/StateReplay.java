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
 * Rebuilds the state after a stored block from an ancestor's state (the genesis state, or the state
 * stored in the database when it is of an ancestor) and the stored state diffs of the ancestry in
 * between, the way a full node follows the chain: no re-execution, and every block's state root
 * checked. The fallback of a restarted import when the stored state is missing or not at the head.
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
    return stateAt(store, genesisState, store.genesisHash(), target);
  }

  /**
   * Applies to {@code state}, the post-state of the stored block {@code from}, the diffs of the
   * blocks after it up to {@code target}, which must descend from it, and returns it. The diffs are
   * applied and committed one block at a time, so a stored state ({@link WorldState#load}) keeps
   * its memory bounded only if the caller stores it afterwards.
   *
   * @throws IllegalArgumentException when {@code from} or {@code target} is not stored, or the
   *     state's root is not {@code from}'s state root
   * @throws StorageException when a stored diff does not apply or does not give its header's state
   *     root
   * @throws StorageException.Unchecked when {@code target} does not descend from {@code from}, or a
   *     stored ancestor or diff is missing
   */
  public static WorldState stateAt(ChainStore store, WorldState state, Hash from, Hash target)
      throws StorageException {
    BlockHeader start =
        store
            .header(from)
            .orElseThrow(() -> new IllegalArgumentException("block " + from + " is not stored"));
    if (!state.rootHash().equals(start.stateRoot())) {
      throw new IllegalArgumentException(
          "the state's root %s is not the state root %s of block #%d"
              .formatted(state.rootHash(), start.stateRoot(), start.number()));
    }
    List<BlockHeader> chain = new ArrayList<>();
    BlockHeader cursor =
        store
            .header(target)
            .orElseThrow(() -> new IllegalArgumentException("block " + target + " is not stored"));
    while (!cursor.hash().equals(start.hash())) {
      chain.add(cursor);
      Hash parent = cursor.parentHash();
      if (cursor.number() <= start.number()) {
        throw broken(cursor, "its ancestry does not lead to block #" + start.number());
      }
      BlockHeader child = cursor;
      cursor = store.header(parent).orElseThrow(() -> broken(child, "its parent is not stored"));
    }
    for (BlockHeader header : chain.reversed()) {
      StateDiff diff = store.diff(header.hash()).orElseThrow(() -> broken(header, "no diff"));
      try {
        StateDiffApplier.apply(diff, state);
      } catch (InvalidStateDiffException e) {
        throw new StorageException(describe(header) + ": its stored state diff does not apply", e);
      }
      Hash root = state.computeRoot();
      if (!root.equals(header.stateRoot())) {
        throw new StorageException(
            describe(header),
            new IllegalStateException(
                "its stored state diff gives root %s, the header has %s"
                    .formatted(root, header.stateRoot())));
      }
    }
    return state;
  }

  private static StorageException.Unchecked broken(BlockHeader header, String problem) {
    return new StorageException.Unchecked(
        "cannot rebuild the state at " + describe(header), new IllegalStateException(problem));
  }

  private static String describe(BlockHeader header) {
    return "block " + header.number() + " " + header.hash();
  }
}
