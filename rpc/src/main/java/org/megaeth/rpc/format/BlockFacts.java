package org.megaeth.rpc.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.tx.LegacyTransaction;
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
    Facts facts = compute(block);
    synchronized (recent) {
      recent.put(hash, facts);
    }
    return facts;
  }

  /**
   * Encodes each transaction once, for its hash and its share of the block's size: {@code
   * block.encode()} and {@code tx.hash()} each encoded every transaction again, and the two were
   * most of what a block poll cost (a block holds thousands of transfers). The size is the length
   * of {@code rlp([header, transactions, ommers, withdrawals])} added up from the parts.
   */
  static Facts compute(Block block) {
    BlockBody body = block.body();
    Hash[] hashes = new Hash[body.transactions().size()];
    long transactions = 0;
    for (int i = 0; i < hashes.length; i++) {
      Transaction tx = body.transactions().get(i);
      Bytes encoded = tx.encoded();
      hashes[i] = Keccak.hash(encoded);
      // EIP-2718: a typed transaction is an RLP string in the body; a legacy one is its list.
      transactions += tx instanceof LegacyTransaction ? encoded.size() : withPrefix(encoded.size());
    }
    long ommers = 0;
    for (BlockHeader ommer : body.ommers()) {
      ommers += ommer.encode().size();
    }
    long payload = block.header().encode().size() + withPrefix(transactions) + withPrefix(ommers);
    if (body.withdrawals().isPresent()) {
      long withdrawals = 0;
      for (Withdrawal w : body.withdrawals().get()) {
        withdrawals += Rlp.encode(w::writeTo).size();
      }
      payload += withPrefix(withdrawals);
    }
    return new Facts(Math.toIntExact(withPrefix(payload)), List.of(hashes));
  }

  /**
   * The length of an RLP list with a payload of {@code length} bytes, or of a string of that many
   * bytes that is not a single byte below 0x80: the payload and its length prefix.
   */
  private static long withPrefix(long length) {
    if (length < 56) {
      return 1 + length;
    }
    int lengthBytes = (71 - Long.numberOfLeadingZeros(length)) >>> 3;
    return 1 + lengthBytes + length;
  }
}
