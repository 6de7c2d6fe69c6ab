package org.megaeth.rpc.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.config.dev.DevAccount;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.rpc.testing.TestChain;

/** The priority fee suggestion over a real chain: geth's percentile, and what a new head costs. */
class GasPriceOracleTest {
  private final TestChain chain = TestChain.create();
  private final CountingChain counting = new CountingChain(chain);
  private final GasPriceOracle oracle = new GasPriceOracle(counting);
  private final List<Long> nonces = new ArrayList<>(List.of(0L, 0L, 0L, 0L));

  @AfterEach
  void close() {
    chain.shutdown();
  }

  @Test
  void shouldSuggestGethsDefaultWhenNoBlockHasTransactions() {
    chain.mineAndSeal();
    assertThat(oracle.suggestTip()).isEqualTo(GasPriceOracle.DEFAULT_TIP);
  }

  @Test
  void shouldTakeThe60thPercentileOfTheThreeLowestTipsOfEachBlock() {
    // Block 1: tips 1..4 gwei; only the three lowest (1, 2, 3) count.
    mineBlockWithTips(1, 2, 3, 4);
    // Block 2: tips 5 and 6 gwei.
    mineBlockWithTips(6, 5);
    // Samples 1, 2, 3, 5, 6: index (5 - 1) * 60 / 100 = 2 -> 3 gwei.
    assertThat(oracle.suggestTip()).isEqualTo(Wei.fromGwei(3));
  }

  @Test
  void shouldReadOnlyTheNewBlockWhenTheHeadMoves() {
    for (int i = 1; i <= 5; i++) {
      mineBlockWithTips(i);
    }
    assertThat(oracle.suggestTip()).isEqualTo(Wei.fromGwei(3));
    assertThat(counting.blocksRead).isEqualTo(6); // blocks 5..1 and genesis

    assertThat(oracle.suggestTip()).isEqualTo(Wei.fromGwei(3));
    assertThat(counting.blocksRead).as("same head: cached").isEqualTo(6);

    mineBlockWithTips(7);
    // Samples 1, 2, 3, 4, 5, 7: index 3 -> 4 gwei.
    assertThat(oracle.suggestTip()).isEqualTo(Wei.fromGwei(4));
    assertThat(counting.blocksRead).as("only block 6 is new").isEqualTo(7);
  }

  @Test
  void shouldLookAtTheLast20BlocksOnly() {
    mineBlockWithTips(100); // will fall out of the window
    for (int i = 0; i < 20; i++) {
      mineBlockWithTips(2);
    }
    assertThat(oracle.suggestTip()).isEqualTo(Wei.fromGwei(2));
  }

  /** Seals a block holding one transfer per tip (in gwei), each from its own dev account. */
  private void mineBlockWithTips(long... gwei) {
    for (int i = 0; i < gwei.length; i++) {
      DevAccount from = chain.account(i);
      long nonce = nonces.get(i);
      nonces.set(i, nonce + 1);
      chain
          .submit(PooledTransaction.of(transferWithTip(from, nonce, Wei.fromGwei(gwei[i]))))
          .join();
    }
    chain.mineAndSeal();
  }

  private static DynamicFeeTransaction transferWithTip(DevAccount from, long nonce, Wei tip) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(TestChain.CHAIN_ID)),
            nonce,
            tip,
            Wei.fromGwei(200),
            21_000,
            Optional.of(Address.ofNumber(0xbeef)),
            Wei.of(1),
            Bytes.EMPTY,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  /** The chain, counting the block bodies the oracle reads. */
  private static final class CountingChain implements ChainReader {
    private final ChainReader chain;
    private int blocksRead;

    CountingChain(ChainReader chain) {
      this.chain = chain;
    }

    @Override
    public ChainConfig chainConfig() {
      return chain.chainConfig();
    }

    @Override
    public BlockHeader head() {
      return chain.head();
    }

    @Override
    public long safeNumber() {
      return chain.safeNumber();
    }

    @Override
    public long finalizedNumber() {
      return chain.finalizedNumber();
    }

    @Override
    public Optional<BlockHeader> header(long number) {
      return chain.header(number);
    }

    @Override
    public Optional<BlockHeader> header(Hash blockHash) {
      return chain.header(blockHash);
    }

    @Override
    public Optional<Block> block(long number) {
      blocksRead++;
      return chain.block(number);
    }

    @Override
    public Optional<Block> block(Hash blockHash) {
      blocksRead++;
      return chain.block(blockHash);
    }

    @Override
    public Optional<List<Receipt>> receipts(Hash blockHash) {
      return chain.receipts(blockHash);
    }

    @Override
    public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
      return chain.transactionLocation(transactionHash);
    }

    @Override
    public Optional<Address> sender(Hash blockHash, int index) {
      return chain.sender(blockHash, index);
    }

    @Override
    public Optional<ExecutionWitness> witness(Hash blockHash) {
      return chain.witness(blockHash);
    }
  }
}
