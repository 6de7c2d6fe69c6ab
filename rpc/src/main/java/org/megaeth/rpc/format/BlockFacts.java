package org.megaeth.rpc.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.megaeth.core.block.Block;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;

/**
 * What a block object shows that costs an encoding to know: the block's size and its transactions'
 * hashes, remembered for the most recent blocks asked for. Every wallet, indexer and load generator
 * polls the newest block; without this each poll encoded and hashed every transaction of it again
 * (a third of the request threads' time under the load generator).
 */
public final class BlockFacts {
  /** Blocks remembered: the newest few, which is what polling asks for. */
  private static final int REMEMBERED = 32;

  /**
   * @param size the block's encoded size in bytes
   * @param transactionHashes its transactions' hashes, in order
   */
  public record Facts(int size, List<Hash> transactionHashes) {}

  private final Map<Hash, Facts> recent =
      new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Facts> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** The facts of {@code block}, whose hash is {@code hash}. */
  public Facts of(Block block, Hash hash) {
    synchronized (recent) {
      Facts known = recent.get(hash);
      if (known != null) {
        return known;
      }
    }
    List<Hash> hashes = new ArrayList<>(block.body().transactions().size());
    for (Transaction tx : block.body().transactions()) {
      hashes.add(tx.hash());
    }
    Facts facts = new Facts(block.encode().size(), List.copyOf(hashes));
    synchronized (recent) {
      recent.put(hash, facts);
    }
    return facts;
  }
}
