package org.megaeth.chain.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.Transaction;
import org.megaeth.trie.state.WorldState;

class ParallelExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final BlockBuilder builder = new BlockBuilder(new BlockExecutor(TestWorld.CONFIG, null));

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void shouldRefuseFewerThanOneThread() {
    assertThatThrownBy(() -> new ParallelExecutor(pool, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be at least 1, not 0");
  }

  @Test
  void shouldNeedAPoolOnlyForMoreThanOneThread() {
    assertThat(new ParallelExecutor(null, 1).isSerial()).isTrue();
    assertThatThrownBy(() -> new ParallelExecutor(null, 2))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void shouldReExecuteEveryCounterIncrementExecutedAgainstAStaleCount() {
    // One worker executes all ten ahead of their turn, from the last, before any is committed:
    // each reads the count the block started with, so all but the first are executed again.
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      txs.add(
          TestWorld.tx(TestWorld.KEYS.get(2 + i), 0, TestWorld.COUNTER, 0, Bytes.EMPTY, 60_000, 1));
    }

    BlockBuilder.MiniBlock mini = miniBlock(new ParallelExecutor(pool, 2, true), txs);

    assertThat(mini.transactions()).isEqualTo(txs);
    assertThat(mini.metrics().transactions()).isEqualTo(10);
    assertThat(mini.metrics().executedAhead()).isEqualTo(10);
    assertThat(mini.metrics().reExecutions()).isEqualTo(9);
    assertThat(mini.metrics().conflictRate()).isEqualTo(0.9);
    assertThat(mini.diff()).isEqualTo(miniBlock(null, txs).diff());
  }

  @Test
  void shouldReExecuteNothingWhenTransactionsAreIndependent() {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      txs.add(
          TestWorld.tx(
              TestWorld.KEYS.get(2 + i),
              0,
              org.megaeth.core.types.Address.ofNumber(0x5000 + i),
              1,
              Bytes.EMPTY,
              21_000,
              1));
    }

    BlockBuilder.MiniBlock mini = miniBlock(new ParallelExecutor(pool, 2, true), txs);

    assertThat(mini.metrics().executedAhead()).isEqualTo(10);
    assertThat(mini.metrics().reExecutions()).isZero();
    assertThat(mini.receipts()).isEqualTo(miniBlock(null, txs).receipts());
  }

  @Test
  void shouldHaveAWorkerComputeTheDiffOfALargeMiniBlock() {
    List<Runnable> tasks = new ArrayList<>();
    Executor recording =
        task -> {
          tasks.add(task);
          task.run();
        };
    List<Transaction> txs = transfers(40);

    BlockBuilder.MiniBlock mini = miniBlock(new ParallelExecutor(recording, 2), txs);

    assertThat(tasks).hasSize(2); // the worker, then the diff
    assertThat(mini.diff()).isEqualTo(miniBlock(null, txs).diff());
    assertThat(mini.diff().accounts()).hasSizeGreaterThan(40);
  }

  @Test
  void shouldHandTheDiffToTheWorkerStillInTheRunInsteadOfThePool() throws Exception {
    // The worker runs on a thread of its own; however late it starts, it looks for the tail, and
    // it waits for it as long as it takes (a test patience of 10 s), so the diff never goes to
    // the pool: one task in all.
    List<Runnable> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    Executor startedFirst =
        task -> {
          tasks.add(task);
          java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
          Thread thread =
              Thread.ofPlatform()
                  .start(
                      () -> {
                        started.countDown();
                        task.run();
                      });
          threads.add(thread);
          try {
            started.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    List<Transaction> txs = transfers(40);

    BlockBuilder.MiniBlock mini =
        miniBlock(new ParallelExecutor(startedFirst, 2, false, 10_000_000_000L, 0), txs);
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(tasks).hasSize(1);
    assertThat(mini.diff()).isEqualTo(miniBlock(null, txs).diff());
  }

  @Test
  void shouldHandTheNextMiniBlocksToTheWorkerStillPollingInsteadOfThePool() {
    // A worker that has finished a mini-block polls for the next one (here for up to 10 s) rather
    // than going back to the pool, whose threads start late: once the first mini-block's worker is
    // polling, the next mini-blocks go to it, one pool task for all of them.
    AtomicInteger tasks = new AtomicInteger();
    Executor counting =
        task -> {
          tasks.incrementAndGet();
          pool.execute(task);
        };
    ParallelExecutor parallel = new ParallelExecutor(counting, 2, false, 0, 10_000_000_000L);
    List<Transaction> txs = transfers(80);

    // The worker may get to a mini-block of 20 only after the committing thread has done it all;
    // it counts itself as polling once it has.
    List<BlockBuilder.MiniBlock> minis =
        miniBlocks(parallel, txs, () -> awaitUntil(() -> parallel.warmWorkers() > 0));

    assertThat(tasks.get()).isEqualTo(1);
    assertThat(minis)
        .extracting(BlockBuilder.MiniBlock::diff)
        .isEqualTo(
            miniBlocks(null, txs, () -> {}).stream().map(BlockBuilder.MiniBlock::diff).toList());
  }

  private static void awaitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000); // the worker needs the core on a 2-core machine
    }
  }

  @Test
  void shouldLeaveTheCommittingThreadItsOwnTurnsUnlessTheWorkersAreFarAhead() {
    // The worker runs to its end inside execute(), before the committing thread takes turn 0: it
    // leaves turns 0, 2 and 4 alone (one in two threads, within three rounds of the committing
    // thread's turn), and, being that far ahead, executes all the others ahead, turns 6, 8, ...
    // included.
    Executor synchronous = Runnable::run;
    List<Transaction> txs = transfers(40);

    BlockBuilder.MiniBlock mini = miniBlock(new ParallelExecutor(synchronous, 2), txs);

    assertThat(mini.metrics().executedAhead()).isEqualTo(37);
    assertThat(mini.receipts()).isEqualTo(miniBlock(null, txs).receipts());
    assertThat(mini.diff()).isEqualTo(miniBlock(null, txs).diff());
  }

  /**
   * Value transfers to distinct fresh accounts from 20 senders in turn: the first 20 conflict with
   * nothing, each later one follows its sender's previous one.
   */
  private static List<Transaction> transfers(int count) {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      txs.add(
          TestWorld.tx(
              TestWorld.KEYS.get(2 + i % 20),
              i / 20,
              org.megaeth.core.types.Address.ofNumber(0x5000 + i),
              1,
              Bytes.EMPTY,
              21_000,
              1));
    }
    return txs;
  }

  @Test
  void shouldExecuteEverythingOnTheCallingThreadWhenThePoolTakesNoTask() {
    Executor rejecting =
        task -> {
          throw new RejectedExecutionException("full");
        };
    List<Transaction> txs =
        List.of(
            TestWorld.tx(TestWorld.KEYS.get(2), 0, TestWorld.COUNTER, 0, Bytes.EMPTY, 60_000, 1),
            TestWorld.tx(TestWorld.KEYS.get(3), 0, TestWorld.COUNTER, 0, Bytes.EMPTY, 60_000, 1));

    BlockBuilder.MiniBlock mini = miniBlock(new ParallelExecutor(rejecting, 4), txs);

    assertThat(mini.transactions()).isEqualTo(txs);
    assertThat(mini.metrics().executedAhead()).isZero();
    assertThat(mini.diff()).isEqualTo(miniBlock(null, txs).diff());
  }

  @Test
  void shouldReportSerialExecutionAsParallelismOne() {
    List<Transaction> txs =
        List.of(
            TestWorld.tx(TestWorld.KEYS.get(2), 0, TestWorld.COUNTER, 0, Bytes.EMPTY, 60_000, 1));

    ParallelMetrics metrics = miniBlock(new ParallelExecutor(null, 1), txs).metrics();

    assertThat(metrics.transactions()).isEqualTo(1);
    assertThat(metrics.executedAhead()).isZero();
    assertThat(metrics.parallelism()).isEqualTo(1.0);
    assertThat(metrics.conflictRate()).isZero();
  }

  @Test
  void shouldComputeConflictRateAndParallelism() {
    ParallelMetrics metrics = new ParallelMetrics(100, 40, 10, 1_000, 1_800);

    assertThat(metrics.conflictRate()).isEqualTo(0.25);
    assertThat(metrics.parallelism()).isEqualTo(1.8);
  }

  /** The transactions as mini-blocks of 20 in one block, {@code afterEach} run after each. */
  private List<BlockBuilder.MiniBlock> miniBlocks(
      ParallelExecutor parallel, List<Transaction> txs, Runnable afterEach) {
    BlockBuilder.OpenBlock open = openBlock(parallel);
    List<BlockBuilder.MiniBlock> minis = new ArrayList<>();
    for (int i = 0; i < txs.size(); i += 20) {
      minis.add(open.addTransactions(txs.subList(i, Math.min(txs.size(), i + 20))));
      afterEach.run();
    }
    open.seal();
    return minis;
  }

  private BlockBuilder.MiniBlock miniBlock(ParallelExecutor parallel, List<Transaction> txs) {
    BlockBuilder.OpenBlock open = openBlock(parallel);
    BlockBuilder.MiniBlock mini = open.addTransactions(txs);
    open.seal();
    return mini;
  }

  /** A block on the genesis state, executed by {@code parallel} (null: serially). */
  private BlockBuilder.OpenBlock openBlock(ParallelExecutor parallel) {
    WorldState state = TestWorld.genesisState();
    BlockHeader genesis = TestWorld.genesisHeader(state.rootHash());
    TestWorld.Headers headers = new TestWorld.Headers();
    headers.add(genesis);
    return builder.open(state, genesis, TestWorld.attributes(genesis), headers, false, parallel);
  }
}
