package org.megaeth.rpc.chain;

import org.megaeth.chain.exec.BaseFee;
import org.megaeth.chain.exec.BlobSchedule;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Wei;

/** Base fee and blob base fee arithmetic over headers, with the chain's fork schedule. */
public final class Fees {
  private Fees() {}

  /** The blob base fee of a block (EIP-4844), from its excess blob gas and its fork's schedule. */
  public static Wei blobBaseFee(ChainReader chain, BlockHeader header) {
    return blobBaseFee(
        chain, header.number(), header.timestamp(), header.excessBlobGas().orElse(0L));
  }

  public static Wei blobBaseFee(
      ChainReader chain, long number, long timestamp, long excessBlobGas) {
    Fork fork = chain.chainConfig().forkAt(number, timestamp);
    return Wei.of(BlobSchedule.of(fork).blobBaseFee(excessBlobGas));
  }

  /** The base fee of the block after {@code parent}. */
  public static Wei nextBaseFee(BlockHeader parent) {
    return Wei.of(BaseFee.next(parent));
  }

  /** The excess blob gas of the block after {@code parent}. */
  public static long nextExcessBlobGas(ChainReader chain, BlockHeader parent) {
    Fork fork = chain.chainConfig().forkAt(parent.number() + 1, parent.timestamp() + 1);
    return BlobSchedule.of(fork)
        .excessBlobGas(parent.excessBlobGas().orElse(0L), parent.blobGasUsed().orElse(0L));
  }
}
