package org.megaeth.sequencer.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.RepeatedTest;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;

/**
 * Offers from many threads while the production side selects and removes: every offer gets its
 * answer (none is stranded in the queue of waiting offers when the lock holder lets go), and the
 * pool ends holding exactly what it would have held had the offers come one at a time.
 */
class MempoolConcurrencyTest {
  private static final Address SINK = Address.ofNumber(0x5151);
  private static final Wei BASE_FEE = Wei.fromGwei(1);
  private static final int THREADS = 6;
  private static final int SENDERS_PER_THREAD = 20;
  private static final int NONCES = 10;

  @RepeatedTest(5)
  void shouldAnswerEveryOfferWhileTheProducerHoldsTheLockOverAndOver() throws Exception {
    Mempool pool = new Mempool(MempoolConfig.defaults(30_000_000));
    List<List<PoolTransaction>> perThread = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<PoolTransaction> txs = new ArrayList<>();
      for (int s = 0; s < SENDERS_PER_THREAD; s++) {
        KeyPair key = key(1 + t * SENDERS_PER_THREAD + s);
        for (int nonce = 0; nonce < NONCES; nonce++) {
          txs.add(tx(key, nonce));
        }
      }
      perThread.add(txs);
    }
    SenderAccounts funded = sender -> SenderAccount.eoa(0, Wei.fromEth(1));
    AtomicBoolean offering = new AtomicBoolean(true);
    // The production side takes the lock again and again, so offers keep finding it taken and
    // must be admitted by whoever holds it.
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (offering.get()) {
                    pool.selectReady(BASE_FEE, 30_000_000, 100);
                    pool.pendingCount();
                  }
                });
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<CompletableFuture<List<CompletableFuture<AddResult>>>> threads = new ArrayList<>();
    for (List<PoolTransaction> txs : perThread) {
      threads.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(start);
                List<CompletableFuture<AddResult>> answers = new ArrayList<>();
                for (PoolTransaction ptx : txs) {
                  answers.add(pool.offer(ptx, funded, BASE_FEE));
                }
                return answers;
              },
              runnable -> Thread.ofPlatform().start(runnable)));
    }
    List<CompletableFuture<AddResult>> answers = new ArrayList<>();
    for (var thread : threads) {
      answers.addAll(thread.get(30, TimeUnit.SECONDS));
    }
    // Nobody touches the pool from here on: an offer still unanswered would wait forever.
    offering.set(false);
    producer.join();
    for (CompletableFuture<AddResult> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(AddResult.Added.class);
    }

    int total = THREADS * SENDERS_PER_THREAD * NONCES;
    assertThat(pool.size()).isEqualTo(total);
    assertThat(pool.pendingCount()).isEqualTo(total);
    // A second offer of each is refused as a duplicate, whichever thread admits it.
    Map<String, Integer> reasons = new HashMap<>();
    for (PoolTransaction ptx : perThread.get(0)) {
      AddResult again = pool.offer(ptx, funded, BASE_FEE).get(10, TimeUnit.SECONDS);
      reasons.merge(((AddResult.Rejected) again).reason(), 1, Integer::sum);
    }
    assertThat(reasons).containsExactly(Map.entry("already known", SENDERS_PER_THREAD * NONCES));
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair key(int n) {
    return KeyPair.of(SecretKey.of(UInt256.valueOf(n).toBytes32()));
  }

  private static PoolTransaction tx(KeyPair from, long nonce) {
    return PoolTransaction.of(
        TransactionSigner.sign(
            new DynamicFeeTransaction(
                Optional.of(UInt256.ONE),
                nonce,
                Wei.fromGwei(1),
                Wei.fromGwei(10),
                21_000,
                Optional.of(SINK),
                Wei.of(1),
                Bytes.EMPTY,
                List.of(),
                TransactionSigner.UNSIGNED),
            from.secretKey()),
        from.address());
  }
}
