package org.megaeth.rpc.params;

import java.util.Objects;
import org.megaeth.core.types.Hash;

/**
 * A block parameter: a tag, a number, or (EIP-1898) a hash with an optional requirement that the
 * block be canonical.
 */
public sealed interface BlockParameter
    permits BlockParameter.Tag, BlockParameter.Number, BlockParameter.ByHash {

  /** The named blocks. */
  enum Tag implements BlockParameter {
    LATEST("latest"),
    PENDING("pending"),
    SAFE("safe"),
    FINALIZED("finalized"),
    EARLIEST("earliest");

    private final String wireName;

    Tag(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  record Number(long number) implements BlockParameter {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("negative block number " + number);
      }
    }
  }

  record ByHash(Hash hash, boolean requireCanonical) implements BlockParameter {
    public ByHash {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** True for {@code latest} and {@code pending}: the newest state, with its mini-blocks. */
  default boolean isNewest() {
    return this == Tag.LATEST || this == Tag.PENDING;
  }
}
