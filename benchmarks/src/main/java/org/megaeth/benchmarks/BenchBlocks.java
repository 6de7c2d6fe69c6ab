package org.megaeth.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.state.WorldState;

/** Building the chain-level benchmarks' blocks: one second apart, no withdrawals or extra data. */
public final class BenchBlocks {
  private BenchBlocks() {}

  /**
   * Builds the next block on {@code parent} with {@code txs} and remembers its header in {@code
   * headers} (which also answers the builder's BLOCKHASH lookups).
   */
  public static BlockBuilder.Built build(
      BlockBuilder builder,
      WorldState state,
      BlockHeader parent,
      Address coinbase,
      long gasLimit,
      List<Transaction> txs,
      Map<Hash, BlockHeader> headers,
      boolean witness) {
    BlockBuilder.Built built =
        builder.build(
            state,
            parent,
            new BlockBuilder.Attributes(
                coinbase,
                parent.timestamp() + 1,
                Hash.ZERO,
                Hash.ZERO,
                List.of(),
                gasLimit,
                Bytes.EMPTY),
            txs,
            hash -> Optional.ofNullable(headers.get(hash)),
            witness);
    headers.put(built.block().hash(), built.block().header());
    return built;
  }
}
