package org.megaeth.chain.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Hash;

/**
 * BLOCKHASH for one block: the hashes of its 256 most recent ancestors, found by walking parent
 * hashes back from the parent (so a side chain sees its own ancestors, not the canonical ones).
 * Remembers the oldest block asked for, so the witness can carry the headers that prove it.
 */
final class AncestorHashes implements LongFunction<Hash> {
  private final HeaderLookup lookup;

  /** headers.get(i) is the header of number parentNumber - i; grows as BLOCKHASH reaches back. */
  private final List<BlockHeader> walked = new ArrayList<>();

  private final long parentNumber;
  private long oldestRead = Long.MAX_VALUE;

  AncestorHashes(BlockHeader parent, HeaderLookup lookup) {
    this.lookup = lookup;
    this.parentNumber = parent.number();
    walked.add(parent);
  }

  /** The hash of ancestor {@code number}; zero when the ancestry is not known that far back. */
  @Override
  public Hash apply(long number) {
    if (number > parentNumber || number < 0) {
      return Hash.ZERO;
    }
    oldestRead = Math.min(oldestRead, number);
    int back = (int) (parentNumber - number);
    if (back == 0) {
      return walked.get(0).hash();
    }
    // The header of number n + 1 names n's hash, so the walk stops one short.
    while (walked.size() < back) {
      BlockHeader youngest = walked.getLast();
      BlockHeader next = lookup.header(youngest.parentHash()).orElse(null);
      if (next == null) {
        throw new MissingAncestorException(youngest.number() - 1);
      }
      walked.add(next);
    }
    return walked.get(back - 1).parentHash();
  }

  /**
   * The headers a stateless verifier needs for the BLOCKHASH reads made, oldest first: from just
   * above the oldest block read up to the parent's parent. With the parent, which the verifier
   * holds, they chain by parent hash down to the oldest hash read.
   */
  List<BlockHeader> headersRead() {
    if (oldestRead == Long.MAX_VALUE) {
      return List.of();
    }
    int back = (int) (parentNumber - oldestRead);
    List<BlockHeader> headers = new ArrayList<>();
    for (int i = back - 1; i >= 1; i--) {
      headers.add(walked.get(i));
    }
    return headers;
  }

  /** BLOCKHASH reached a header the lookup does not have. */
  static final class MissingAncestorException extends RuntimeException {
    MissingAncestorException(long number) {
      super("ancestor block " + number + " is not known", null, false, false);
    }
  }
}
