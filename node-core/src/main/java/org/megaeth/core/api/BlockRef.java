package org.megaeth.core.api;

import java.util.Objects;
import org.megaeth.core.types.Hash;

/**
 * Which state to read: the newest (the latest mini-block, {@code latest} and {@code pending} in
 * JSON-RPC), a sealed block by number, or a block by hash. Tags such as {@code safe}, {@code
 * finalized} and {@code earliest} are resolved to numbers by the caller through {@link
 * ChainReader}.
 */
public sealed interface BlockRef permits BlockRef.Newest, BlockRef.Number, BlockRef.ByHash {

  /**
   * The state after the newest mini-block (preconfirmed; may be ahead of the newest sealed block).
   */
  static BlockRef newest() {
    return Newest.INSTANCE;
  }

  /** The state after sealed block {@code number}. */
  static BlockRef number(long number) {
    return new Number(number);
  }

  /** The state after the block with this hash. */
  static BlockRef hash(Hash hash) {
    return new ByHash(hash);
  }

  /** The newest mini-block's state. */
  record Newest() implements BlockRef {
    private static final Newest INSTANCE = new Newest();
  }

  /** A sealed block's post-state, by number. */
  record Number(long number) implements BlockRef {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("block number must not be negative, got " + number);
      }
    }
  }

  /** A block's post-state, by hash. */
  record ByHash(Hash hash) implements BlockRef {
    public ByHash {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
