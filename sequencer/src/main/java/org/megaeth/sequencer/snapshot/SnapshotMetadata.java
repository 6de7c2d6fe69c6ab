package org.megaeth.sequencer.snapshot;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * What a snapshot says about the state it holds.
 *
 * @param stateRoot the state's root; loading recomputes it from the content and rejects a mismatch
 * @param extra free-form bytes for the sequencer (its write-ahead log position, mini-block
 *     sequence, state-diff key index), stored and returned as they are; at most {@link #MAX_EXTRA}
 */
public record SnapshotMetadata(long blockNumber, Hash blockHash, Hash stateRoot, Bytes extra) {
  public static final int MAX_EXTRA = 64 << 20;

  public SnapshotMetadata {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("negative block number " + blockNumber);
    }
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(extra, "extra");
    if (extra.size() > MAX_EXTRA) {
      throw new IllegalArgumentException("extra metadata of " + extra.size() + " bytes");
    }
  }
}
