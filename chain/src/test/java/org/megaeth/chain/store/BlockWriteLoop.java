package org.megaeth.chain.store;

import java.nio.file.Path;
import org.megaeth.chain.exec.BlockBuilder;

/**
 * The crash test's child process: builds blocks of transfers and stores each with fsync, printing
 * its number after the write returns, until it is killed.
 */
public final class BlockWriteLoop {
  static final int TRANSFERS_PER_BLOCK = 4;

  private BlockWriteLoop() {}

  public static void main(String[] args) throws Exception {
    ChainGenerator chain = new ChainGenerator();
    try (ChainStore store =
        ChainStore.open(
            Path.of(args[0]),
            ChainGenerator.genesisBlock().block(),
            ChainGenerator.CHAIN_ID,
            true)) {
      for (long nonce = 0; ; nonce += TRANSFERS_PER_BLOCK) {
        BlockBuilder.Built built = chain.next(nonce, TRANSFERS_PER_BLOCK, 1);
        ChainGenerator.write(store, built);
        System.out.println("stored " + built.block().number());
        System.out.flush();
      }
    }
  }
}
