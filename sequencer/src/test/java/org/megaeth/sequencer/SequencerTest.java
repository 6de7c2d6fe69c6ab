package org.megaeth.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.core.api.BlockRef;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.sequencer.mempool.MempoolConfig;
import org.megaeth.sequencer.produce.ProducerSettings;
import org.megaeth.trie.state.WorldState;

/**
 * The sequencer service with its real log and chain store: transactions in, results within a
 * mini-block, blocks sealed on time that an independent executor accepts, and a restart that
 * continues the same chain and state.
 */
class SequencerTest {
  private static final Address RECIPIENT =
      Address.fromHex("0x00000000000000000000000000000000000000bb");

  @TempDir Path dir;

  private final DevPreset dev = devPreset();

  private static DevPreset devPreset() {
    try {
      return DevPreset.of(NodeOptions.builder().build());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Sequencer sequencer() {
    KeyPair key = dev.accounts().get(9).keyPair();
    return new Sequencer(
        new Sequencer.Settings(
            dir,
            new ProducerSettings(
                Duration.ofMillis(10), Duration.ofMillis(200), dev.gasLimit(), key.address(), 1000),
            MempoolConfig.defaults(dev.gasLimit()),
            2,
            1,
            2, // mini-blocks on the parallel executor: a restart replays them the same way
            3),
        dev.genesis(),
        key);
  }

  @Test
  void servesResultsWithinMiniBlocksSealsValidBlocksAndContinuesAfterARestart() throws Exception {
    Sequencer sequencer = sequencer();
    sequencer.start();
    List<CompletableFuture<TransactionResult>> results = new ArrayList<>();
    KeyPair sender = dev.accounts().get(0).keyPair();
    for (int nonce = 0; nonce < 50; nonce++) {
      Transaction tx = transfer(sender, nonce, 1);
      SubmitResult submitted =
          sequencer
              .transactions()
              .submit(new PooledTransaction(tx, Optional.empty()))
              .get(5, TimeUnit.SECONDS);
      assertThat(submitted).isEqualTo(SubmitResult.accepted(tx.hash()));
      results.add(sequencer.transactions().awaitResult(tx.hash()));
    }
    for (CompletableFuture<TransactionResult> result : results) {
      assertThat(result.get(10, TimeUnit.SECONDS).receipt().success()).isTrue();
    }
    assertThat(sequencer.states().state(BlockRef.newest()).orElseThrow().balance(RECIPIENT))
        .isEqualTo(Wei.of(50));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sequencer.chain().transactionLocation(results.get(49).get().transactionHash()).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    while ((sequencer.chain().head().number() < 4 || sequencer.chain().safeNumber() < 3)
        && System.nanoTime() < deadline) {
      Thread.sleep(20); // a few more blocks: one snapshot (every 3) and DA publication
    }
    sequencer.stop();
    assertThat(sequencer.failure()).isEmpty();
    assertThat(sequencer.chain().safeNumber()).isGreaterThanOrEqualTo(3);
    try (var files = java.nio.file.Files.list(dir.resolve("snapshots"))) {
      assertThat(files.toList()).isNotEmpty();
    }
    BlockHeader head = sequencer.chain().head();
    assertThat(head.number()).isGreaterThan(0);

    // Every block validates on an independent executor from genesis.
    Sequencer restarted = sequencer();
    restarted.start();
    try {
      assertThat(restarted.chain().header(head.number()).orElseThrow().hash())
          .isEqualTo(head.hash());
      assertThat(restarted.states().state(BlockRef.newest()).orElseThrow().balance(RECIPIENT))
          .isEqualTo(Wei.of(50));
      WorldState validator = GenesisBlock.state(dev.genesis());
      BlockExecutor executor = new BlockExecutor(dev.genesis().config(), null);
      BlockHeader parent = restarted.chain().header(0).orElseThrow();
      int transactions = 0;
      for (long n = 1; n <= head.number(); n++) {
        Block block = restarted.chain().block(n).orElseThrow();
        BlockResult result =
            executor.execute(validator, parent, block, h -> restarted.chain().header(h), true);
        assertThat(result).as("block %d", n).isInstanceOf(BlockResult.Valid.class);
        transactions += block.body().transactions().size();
        parent = block.header();
      }
      assertThat(transactions).isEqualTo(50);

      // The restarted sequencer takes the sender's next nonce and goes on.
      Transaction next = transfer(sender, 50, 1);
      restarted
          .transactions()
          .submit(new PooledTransaction(next, Optional.empty()))
          .get(5, TimeUnit.SECONDS);
      assertThat(
              restarted
                  .transactions()
                  .awaitResult(next.hash())
                  .get(10, TimeUnit.SECONDS)
                  .blockNumber())
          .isGreaterThan(head.number());
    } finally {
      restarted.stop();
    }
  }

  private Transaction transfer(KeyPair from, long nonce, long wei) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(dev.chainId())),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            21_000,
            Optional.of(RECIPIENT),
            Wei.of(wei),
            Bytes.EMPTY,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }
}
