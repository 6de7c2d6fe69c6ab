package org.megaeth.rpc.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.SealedBlock;
import org.megaeth.core.block.Block;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.rpc.subscription.ChainEventDispatcher;

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
    Facts facts = compute(block);
    synchronized (recent) {
      recent.put(hash, facts);
    }
    return facts;
  }

  /**
   * Remembers the facts of a block just sealed, which its producer already knew (the hashes made at
   * ingress, the size from the encodings it stored): the first poll of each new block then costs
   * nothing more than the later ones.
   */
  public void remember(SealedBlock sealed) {
    Facts facts = new Facts(sealed.size(), sealed.transactionHashes());
    synchronized (recent) {
      recent.put(sealed.hash(), facts);
    }
  }

  /** The listener that {@linkplain #remember remembers} each sealed block's facts. */
  public ChainEventDispatcher.Target sealedBlocks() {
    return new ChainEventDispatcher.Target() {
      @Override
      public void onBlockSealed(SealedBlock block) {
        remember(block);
      }

      @Override
      public void onOverflow() {
        // A block whose event was lost has its facts computed when first asked for.
      }

      @Override
      public boolean wantsPendingTransactions() {
        return false;
      }
    };
  }

  /**
   * Encodes each transaction once, for its hash and its share of the block's size: {@code
   * block.encode()} and {@code tx.hash()} each encoded every transaction again, and the two were
   * most of what a block poll cost (a block holds thousands of transfers).
   */
  static Facts compute(Block block) {
    List<Transaction> txs = block.body().transactions();
    Hash[] hashes = new Hash[txs.size()];
    Bytes[] encodings = new Bytes[txs.size()];
    for (int i = 0; i < hashes.length; i++) {
      encodings[i] = txs.get(i).encoded();
      hashes[i] = Keccak.hash(encodings[i]);
    }
    return new Facts(block.encodedSize(List.of(encodings)), List.of(hashes));
  }
}
