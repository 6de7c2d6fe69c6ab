package org.megaeth.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.megaeth.config.NodeOptions;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
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

/** The sequencer's meters move with what it does, and its gauges go when it stops. */
class SequencerMetricsTest {
  private static final Address RECIPIENT =
      Address.fromHex("0x00000000000000000000000000000000000000bb");

  @TempDir Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DevPreset dev = devPreset();

  @Test
  void shouldCountAdmissionsMiniBlocksAndBlocksWhenTransactionsFlow() throws Exception {
    KeyPair key = dev.accounts().get(9).keyPair();
    Sequencer sequencer =
        new Sequencer(
            new Sequencer.Settings(
                dir,
                new ProducerSettings(
                    Duration.ofMillis(10),
                    Duration.ofMillis(100),
                    dev.gasLimit(),
                    key.address(),
                    1000),
                MempoolConfig.defaults(dev.gasLimit()),
                1,
                1,
                2,
                0),
            dev.genesis(),
            key,
            registry);
    sequencer.start();
    try {
      KeyPair sender = dev.accounts().get(0).keyPair();
      List<CompletableFuture<TransactionResult>> results = new ArrayList<>();
      for (int nonce = 0; nonce < 20; nonce++) {
        Transaction tx = transfer(sender, nonce);
        assertThat(submit(sequencer, tx)).isInstanceOf(SubmitResult.Accepted.class);
        results.add(sequencer.transactions().awaitResult(tx.hash()));
      }
      // The first again: now either pooled or executed, so refused as too low or already known.
      assertThat(submit(sequencer, transfer(sender, 0))).isInstanceOf(SubmitResult.Rejected.class);
      for (CompletableFuture<TransactionResult> result : results) {
        result.get(10, TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (registry.get("megaeth.sequencer.blocks").counter().count() < 2
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(registry.get("megaeth.sequencer.transactions.admitted").counter().count())
          .isEqualTo(20);
      double rejected =
          registry.get("megaeth.sequencer.transactions.rejected").counters().stream()
              .filter(
                  c ->
                      List.of("nonce_too_low", "already_known")
                          .contains(c.getId().getTag("reason")))
              .mapToDouble(c -> c.count())
              .sum();
      assertThat(rejected).isEqualTo(1);
      double miniBlocks = registry.get("megaeth.sequencer.mini.blocks").counter().count();
      assertThat(miniBlocks).isPositive();
      assertThat(registry.get("megaeth.sequencer.mini.block.transactions").summary().totalAmount())
          .isEqualTo(20);
      assertThat(registry.get("megaeth.execution.wall").counter().count()).isPositive();
      assertThat(registry.get("megaeth.sequencer.blocks").counter().count())
          .isGreaterThanOrEqualTo(2);
      assertThat(registry.get("megaeth.chain.head.number").gauge().value()).isGreaterThan(0);
      assertThat(registry.get("megaeth.mempool.pending").gauge().value()).isZero();
      assertThat(registry.get("megaeth.mempool.queued").gauge().value()).isZero();
      assertThat(registry.get("megaeth.wal.fsync").functionTimer().count()).isPositive();
    } finally {
      sequencer.stop();
    }
    assertThat(registry.find("megaeth.mempool.pending").gauge())
        .as("a stopped sequencer's gauges are gone")
        .isNull();
    assertThat(registry.find("megaeth.wal.fsync").functionTimer()).isNull();
  }

  private static SubmitResult submit(Sequencer sequencer, Transaction tx) throws Exception {
    return sequencer
        .transactions()
        .submit(new PooledTransaction(tx, Optional.empty()))
        .get(5, TimeUnit.SECONDS);
  }

  private Transaction transfer(KeyPair from, long nonce) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(dev.chainId())),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            21_000,
            Optional.of(RECIPIENT),
            Wei.of(1),
            Bytes.EMPTY,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }

  private static DevPreset devPreset() {
    try {
      return DevPreset.of(NodeOptions.builder().build());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
