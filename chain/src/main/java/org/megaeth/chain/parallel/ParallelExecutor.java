package org.megaeth.chain.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Hash;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.frame.ExecutionResources;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;

/**
 * Executes a mini-block's transactions on several threads with the result of executing them one
 * after another in order: optimistic execution with serial, in-order commit (as Monad does), not
 * Block-STM.
 *
 * <p>Why this design: the outcome must equal serial execution exactly, witness included, and the
 * state, its diffs and its witness recording are single-threaded. With one committing thread that
 * owns the {@link BlockState} and takes the transactions strictly in order, everything order
 * dependent (block gas, nonces, skipped transactions, receipts, diffs, witness keys) is decided
 * where serial execution decides it, by the same code; workers only ever produce proposals (a
 * transaction's reads and writes, see {@link TxView}), which the committing thread accepts when
 * every value read is still the same, or replaces by executing the transaction itself at its turn.
 * Block-STM's multi-version memory, dependency estimates and incarnations buy parallel
 * re-execution, which pays off with many cores and long dependency chains; here re-executions run
 * on the committing thread, which is exactly as fast as serial execution, so a fully conflicting
 * mini-block costs what serial execution costs plus the failed checks (each stops at the first
 * changed value, usually the first read).
 *
 * <p>Scheduling: workers take the next unclaimed transactions in order and execute them ahead of
 * their turn, just ahead of the committing thread (the caller), so what they read is fresh; they
 * leave one transaction in {@code threads} to the committing thread ({@link Run#leftToCommitter}).
 * The committing thread takes each transaction at its turn: it checks and applies the worker's
 * result if there is one; executes the transaction itself on the block state (the serial path, no
 * record, check or apply needed) if nobody has claimed it; and, when a worker is still on it,
 * executes the next unclaimed one ahead itself rather than wait. On two cores both threads are then
 * always busy, with about equal shares: an ERC-20 transfer costs about 9 us to execute at its turn,
 * 10 ahead, and 1 to 2 us to check and apply (see {@code
 * benchmarks/.../parallel/ParallelMiniBlockBenchmark}). After the last transaction a worker
 * computes the mini-block's state diff while the caller encodes the receipts ({@link
 * BlockState#startMiniBlockDiff}): done by the committing thread alone, that tail left the other
 * core idle for about a fifth of the mini-block's time on two threads. A worker done with a
 * mini-block then polls briefly for the next one ({@link #WARM_NANOS}) instead of returning to the
 * pool, whose threads wake up late. Two safeguards keep the worst case at serial speed: when most
 * of a mini-block's checks fail, the committing thread stops executing ahead, and the next
 * mini-block executes only a sample ahead (until conflicts subside); and a worker that has not
 * delivered well past the usual execution time (descheduled on a busy machine) loses the
 * transaction to the committing thread.
 *
 * <p>With many cores the committing thread becomes the limit: checking and applying a transaction
 * costs about a fifth of executing it (an ERC-20 transfer), so this scales to about five times
 * serial; going beyond needs the checks themselves spread over threads (Block-STM's validation) and
 * the rest of the tail (the receipts' encoding) taken off the committing thread.
 *
 * <p>Benchmark before refactoring: {@code
 * benchmarks/src/main/java/org/megaeth/benchmarks/parallel/ParallelMiniBlockBenchmark.java}.
 *
 * <p>Threads come from the caller's executor; {@code evm} and {@code trie} own none. The coinbase
 * fee is a commutative credit (see {@link TxView}). One block at a time; a mini-block's workers
 * have all returned before {@link Block#execute} does.
 */
public final class ParallelExecutor {
  private final Executor pool;
  private final int threads;

  /**
   * For tests: workers execute every transaction ahead, against the mini-block's start, and the
   * committing thread checks every one.
   */
  private final boolean workersOnly;

  /**
   * The share of the last mini-block's transactions executed ahead that had to be executed again.
   * Above {@link #THROTTLE_ABOVE} the next mini-block executes ahead only a sample of its
   * transactions (enough to notice when the workload turns parallel again): a worker executing
   * nothing but conflicts wastes a core, and the committing thread spends time finding out.
   */
  private volatile double recentConflictRate;

  private static final double THROTTLE_ABOVE = 0.75;

  /**
   * How many rounds of {@code threads} transactions the workers may run ahead of the committing
   * thread before they execute its own turns too ({@link Run#leftToCommitter}). Measured on two
   * threads with the worker polling between mini-blocks (ParallelMiniBlockBenchmark (a),
   * alternating runs): 1 round 5.45-5.68 us per transfer, 2 rounds 5.01-5.32 us, 3 rounds 4.93-5.18
   * us.
   */
  private static final int LEAD = 3;

  /** The sample while throttled: one in this many of a mini-block's transactions. */
  private static final int THROTTLED_SHARE = 16;

  /**
   * How long a worker that has finished a mini-block keeps polling for the next one before it
   * returns to the pool: under load mini-blocks follow each other within tens of microseconds,
   * while waking a pool thread is slow on a virtual machine. Measured on the 2-vCPU VM with a
   * mini-block of 500 transfers: handing the task to a parked pool thread took the committing
   * thread ~39 us, and the worker's first claim came at 77-136 us, together ~4% of the mini-block
   * lost; polling, the worker starts within 10 us and the hand-over costs a queue insertion. Costs
   * at most this much spinning of one core per mini-block when the sequencer is idle (2.5% of a
   * core at 100 mini-blocks a second).
   */
  private static final long WARM_NANOS = 250_000;

  private final long warmNanos;

  /**
   * Workers polling {@link #handedOver} for their next mini-block, less the runs handed over that
   * none of them has taken yet: what {@link #startWorker} may still hand to one. Never negative.
   */
  private final AtomicInteger warmWorkers = new AtomicInteger();

  private final ConcurrentLinkedQueue<Run> handedOver = new ConcurrentLinkedQueue<>();

  /** Stacks and memories for the workers, reused from one mini-block to the next. */
  private final ConcurrentLinkedQueue<ExecutionResources> resources = new ConcurrentLinkedQueue<>();

  /**
   * @param pool runs the workers ({@code threads - 1} tasks per mini-block; the calling thread is
   *     the last); may be null when {@code threads} is 1
   * @param threads 1 for the serial path, as without this executor
   */
  public ParallelExecutor(Executor pool, int threads) {
    this(pool, threads, false);
  }

  ParallelExecutor(Executor pool, int threads, boolean workersOnly) {
    this(pool, threads, workersOnly, TAIL_PATIENCE_NANOS, WARM_NANOS);
  }

  /**
   * For tests: {@code tailPatienceNanos} long enough that a worker always gets the tail, {@code
   * warmNanos} that it always gets the next mini-block.
   */
  ParallelExecutor(
      Executor pool, int threads, boolean workersOnly, long tailPatienceNanos, long warmNanos) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (threads > 1) {
      Objects.requireNonNull(pool, "pool");
    }
    this.pool = pool;
    this.threads = threads;
    this.workersOnly = workersOnly;
    this.tailPatienceNanos = tailPatienceNanos;
    this.warmNanos = warmNanos;
  }

  public int threads() {
    return threads;
  }

  /** Whether this executes on the calling thread alone, exactly as serial execution does. */
  public boolean isSerial() {
    return threads == 1;
  }

  /**
   * Starts executing a block whose state is {@code state} over {@code overlay}.
   *
   * @param env the block's environment
   * @param blockHashes BLOCKHASH as serial execution reads it (recording headers for the witness),
   *     called on the committing thread
   * @param peekHashes BLOCKHASH without recording, safe to call from any thread
   */
  public Block startBlock(
      ConcurrentOverlay overlay,
      BlockState state,
      TransactionProcessor processor,
      BlockEnv env,
      LongFunction<Hash> blockHashes,
      LongFunction<Hash> peekHashes) {
    if (isSerial()) {
      throw new IllegalStateException("a serial executor runs no parallel block");
    }
    return new Block(overlay, state, processor, env, blockHashes, peekHashes);
  }

  /**
   * How long the committing thread waits for a worker's result beyond 4 times the average
   * execution, before it executes the transaction itself: a worker can lose its core for whole
   * milliseconds on a busy machine.
   */
  private static final long MIN_PATIENCE_NANOS = 20_000;

  /**
   * The smallest mini-block whose diff a worker computes: below, the hand-off costs about what the
   * diff does.
   */
  private static final int DIFF_ON_WORKER_FROM = 32;

  /**
   * How long a worker that found no transaction left waits for the mini-block's tail: the
   * committing thread's last few commits, a few microseconds each, fit well within it.
   */
  private static final long TAIL_PATIENCE_NANOS = 200_000;

  private final long tailPatienceNanos;

  /** One transaction's outcome in its mini-block. */
  public sealed interface Outcome {
    record Included() implements Outcome {}

    record Skipped(String reason) implements Outcome {}

    Outcome INCLUDED = new Included();

    static Outcome of(String skipReason) {
      return skipReason == null ? INCLUDED : new Skipped(skipReason);
    }
  }

  /** The outcomes of a mini-block's transactions, in order, and how the execution went. */
  public record MiniBlockResult(List<Outcome> outcomes, ParallelMetrics metrics) {}

  /** The parallel execution of one block, mini-block after mini-block. */
  public final class Block {
    private final ConcurrentOverlay overlay;
    private final BlockState state;
    private final TransactionProcessor processor;
    private final BlockEnv env;
    private final LongFunction<Hash> blockHashes;
    private final LongFunction<Hash> peekHashes;

    private Block(
        ConcurrentOverlay overlay,
        BlockState state,
        TransactionProcessor processor,
        BlockEnv env,
        LongFunction<Hash> blockHashes,
        LongFunction<Hash> peekHashes) {
      this.overlay = overlay;
      this.state = state;
      this.processor = processor;
      this.env = env;
      this.blockHashes = blockHashes;
      this.peekHashes = peekHashes;
    }

    /**
     * Executes one mini-block: every transaction in order as far as the outcome goes, each one
     * included (its state changes in the block state, its receipt with {@code committer}) or
     * skipped with the reason serial execution gives.
     *
     * <p>It may leave the mini-block's diff being computed on a worker ({@link
     * BlockState#startMiniBlockDiff}): the caller takes {@link BlockState#miniBlockDiff} before it
     * reads or writes the block state again.
     *
     * @param validities the recovered sender of each transaction
     */
    public MiniBlockResult execute(
        List<Transaction> txs, List<TransactionValidity.Valid> validities, Committer committer) {
      if (txs.size() != validities.size()) {
        throw new IllegalArgumentException("one validity per transaction");
      }
      long start = System.nanoTime();
      boolean throttled = recentConflictRate > THROTTLE_ABOVE && !workersOnly;
      Run run = new Run(this, txs, validities, throttled);
      int workers = 0;
      for (int i = 1; i < threads && (txs.size() > 1 || workersOnly); i++) {
        // Counted as waiting for the tail from its submission: however late the worker starts, it
        // looks for the tail before it returns, so the tail never needs a second pool task.
        if (run.waitsForTail()) {
          run.tailWaiters.incrementAndGet();
        }
        try {
          startWorker(run);
          workers++;
        } catch (RejectedExecutionException e) {
          if (run.waitsForTail()) {
            run.tailWaiters.decrementAndGet();
          }
          break; // fewer workers; the committing thread does the rest
        }
      }
      boolean serialTurns = !workersOnly || workers == 0;
      boolean helping = !throttled && !workersOnly && workers > 0;
      ExecutionResources own = helping ? takeResources() : null;
      List<Outcome> outcomes = new ArrayList<>(txs.size());
      long waitNanos = 0;
      int checked = 0;
      try {
        if (!serialTurns) {
          // Tests: every transaction is executed ahead against the mini-block's start.
          for (int i = 0; i < txs.size(); i++) {
            run.await(i, false);
          }
        }
        for (int i = 0; i < txs.size(); i++) {
          Transaction tx = txs.get(i);
          TransactionValidity.Valid validity = validities.get(i);
          run.turn = i;
          Speculation speculation = run.results.get(i);
          if (speculation == null && serialTurns && run.claim(i)) {
            outcomes.add(Outcome.of(committer.executeSerially(tx, validity)));
            continue;
          }
          // A worker has it. Rather than wait, execute a later one ahead too, unless the worker is
          // about to deliver: a wait of a fraction of an execution is cheaper.
          while (speculation == null && helping) {
            if (run.nearlyDone(i)) {
              Thread.onSpinWait();
              speculation = run.results.get(i);
              continue;
            }
            int j = run.claimNext(false);
            if (j < 0) {
              break;
            }
            run.results.set(j, speculate(txs.get(j), validities.get(j), own));
            speculation = run.results.get(i);
          }
          if (speculation == null) {
            long waitStart = System.nanoTime();
            speculation = run.await(i, serialTurns);
            waitNanos += System.nanoTime() - waitStart;
          }
          if (speculation == null) {
            // The worker is not getting on with it (descheduled on a busy machine): the
            // committing thread takes the turn rather than wait; the worker's result is dropped.
            outcomes.add(Outcome.of(committer.executeSerially(tx, validity)));
            continue;
          }
          checked++;
          outcomes.add(Outcome.of(commit(run, tx, validity, speculation, committer)));
          if (helping && checked >= 8 && 2 * run.reExecutions > checked) {
            helping = false; // mostly conflicts: executing ahead only costs the committing thread
          }
        }
      } finally {
        run.close();
        if (own != null) {
          resources.add(own);
        }
      }
      try {
        if (workers > 0 && (txs.size() >= DIFF_ON_WORKER_FROM || workersOnly)) {
          // The tail of the mini-block, its diff and its receipts' encoding, would leave the
          // workers idle: one of them computes the diff while the caller encodes the receipts.
          // It goes to a worker still waiting in this run (no wake-up), else to the pool.
          state.startMiniBlockDiff(run::handOverTail);
        }
      } finally {
        run.endTail();
      }
      long wall = System.nanoTime() - start;
      ParallelMetrics metrics =
          new ParallelMetrics(
              txs.size(),
              checked,
              run.reExecutions,
              wall,
              wall - waitNanos + run.workerNanos.sum());
      if (checked >= 4) {
        recentConflictRate = metrics.conflictRate();
      } else if (checked > 0) {
        // Too few to judge alone (a small mini-block, or a throttled sample): half weight.
        recentConflictRate = (recentConflictRate + metrics.conflictRate()) / 2;
      }
      return new MiniBlockResult(outcomes, metrics);
    }

    private String commit(
        Run run,
        Transaction tx,
        TransactionValidity.Valid validity,
        Speculation speculation,
        Committer committer) {
      String full = committer.checkLimits(tx);
      if (full != null) {
        return full; // as in serial execution, before the transaction reads anything
      }
      state.markTransactionReads(); // ended when the turn is recorded
      if (speculation instanceof Speculation.Done done
          && done.view().validate(state, blockHashes)) {
        if (done.result() instanceof TransactionResult.Executed) {
          done.view().applyTo(state);
        }
        return committer.record(tx, done.result(), done.logsBloom());
      }
      run.reExecutions++;
      return committer.executeSerially(tx, validity);
    }

    private Speculation speculate(
        Transaction tx, TransactionValidity.Valid validity, ExecutionResources resources) {
      TxView view = new TxView(overlay, env.coinbase(), peekHashes);
      BlockEnv viewEnv =
          new BlockEnv(
              env.coinbase(),
              env.number(),
              env.timestamp(),
              env.gasLimit(),
              env.prevRandao(),
              env.baseFee(),
              env.blobBaseFee(),
              env.chainId(),
              view);
      TransactionResult result;
      try {
        result = processor.process(view, viewEnv, tx, validity, null, resources);
      } catch (RuntimeException | StackOverflowError e) {
        // Values read from a state that moved on can make anything fail; the turn will tell.
        return new Speculation.Abandoned(e.toString());
      }
      String abandoned = view.abandoned();
      if (abandoned != null) {
        return new Speculation.Abandoned(abandoned);
      }
      // The receipt's bloom is the costliest part of recording a transaction (a keccak per
      // address and topic): compute it here, off the committing thread.
      LogsBloom bloom =
          result instanceof TransactionResult.Executed executed
              ? LogsBloom.of(executed.logs())
              : null;
      return new Speculation.Done(view, result, bloom);
    }
  }

  /** A transaction executed ahead of its turn. */
  sealed interface Speculation {
    record Done(TxView view, TransactionResult result, LogsBloom logsBloom)
        implements Speculation {}

    record Abandoned(String why) implements Speculation {}
  }

  /** Workers polling for the next mini-block and not yet handed one (for tests). */
  int warmWorkers() {
    return warmWorkers.get();
  }

  /** Starts a worker on {@code run}: a warm one if one is polling, else one from the pool. */
  private void startWorker(Run run) {
    if (decrementIfPositive(warmWorkers)) {
      handedOver.add(run); // the reserved worker (or another warm one) takes it
    } else {
      pool.execute(new PoolWorker(run));
    }
  }

  private static boolean decrementIfPositive(AtomicInteger count) {
    for (int n = count.get(); n > 0; n = count.get()) {
      if (count.compareAndSet(n, n - 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pool task: runs its mini-block, then the next ones handed over while it polls (for {@link
   * #WARM_NANOS} after each), then returns the thread to the pool.
   */
  private final class PoolWorker implements Runnable {
    private final Run first;

    PoolWorker(Run first) {
      this.first = first;
    }

    @Override
    public void run() {
      Run run = first;
      while (run != null) {
        try {
          run.speculateAhead(); // counts this worker in warmWorkers when it returns normally
        } finally {
          if (run.waitsForTail()) {
            run.awaitTail();
          }
        }
        run = awaitNextRun();
      }
    }

    /**
     * The next mini-block handed over within {@link #WARM_NANOS}, or null; the worker is counted in
     * {@link #warmWorkers}.
     */
    private Run awaitNextRun() {
      long start = System.nanoTime();
      for (int spins = 1; ; spins++) {
        Run next = handedOver.poll();
        if (next != null) {
          return next; // the count taken by its starter was this worker's, or an equal one's
        }
        Thread.onSpinWait();
        if ((spins & 63) == 0 && System.nanoTime() - start > warmNanos) {
          if (decrementIfPositive(warmWorkers)) {
            return null; // nobody counts on this worker any more
          }
          // Every polling worker is reserved for a run being handed over: one is on its way.
          while ((next = handedOver.poll()) == null) {
            Thread.onSpinWait();
          }
          return next;
        }
      }
    }
  }

  private ExecutionResources takeResources() {
    ExecutionResources own = resources.poll();
    return own != null ? own : new ExecutionResources();
  }

  /**
   * One mini-block in progress, and the workers' task. Each transaction is claimed once, by the
   * committing thread to execute it at its turn or by whoever executes it ahead; workers (and the
   * committing thread, when it would otherwise wait) take the next unclaimed ones in order, so what
   * they execute is just ahead of the turn and its reads are fresh.
   */
  private final class Run {
    private final Block block;
    private final List<Transaction> txs;
    private final List<TransactionValidity.Valid> validities;

    /** Executing ahead only one in {@link #THROTTLED_SHARE} transactions. */
    private final boolean throttled;

    private final AtomicIntegerArray claimed;
    private final AtomicInteger cursor = new AtomicInteger();
    final AtomicReferenceArray<Speculation> results;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closed;

    /** When a worker started executing each transaction ahead; 0 if none has. */
    private final AtomicLongArray started;

    /** Executions finished by the workers, and their time. */
    final AtomicLong executions = new AtomicLong();

    final LongAdder workerNanos = new LongAdder();
    int reExecutions;

    /**
     * Workers submitted that have not yet given up on the tail task, which is handed over through
     * {@link #tail}.
     */
    final AtomicInteger tailWaiters = new AtomicInteger();

    private volatile Runnable tail;
    private volatile boolean tailEnded;

    Run(
        Block block,
        List<Transaction> txs,
        List<TransactionValidity.Valid> validities,
        boolean throttled) {
      this.block = block;
      this.txs = txs;
      this.validities = validities;
      this.throttled = throttled;
      this.claimed = new AtomicIntegerArray(txs.size());
      this.results = new AtomicReferenceArray<>(txs.size());
      this.started = new AtomicLongArray(txs.size());
    }

    /**
     * Whether a worker executing transaction {@code i} ahead has been at it for between two thirds
     * and five quarters of the workers' average execution: it will then deliver sooner than the
     * committing thread could execute another transaction. Longer, it has most likely lost its core
     * (a busy machine), and the committing thread does better to get on with other transactions.
     */
    boolean nearlyDone(int i) {
      long start = started.getAcquire(i);
      long done = executions.get();
      if (start == 0 || done == 0) {
        return false;
      }
      long average = workerNanos.sum() / done;
      long elapsed = System.nanoTime() - start;
      return elapsed > average * 2 / 3 && elapsed < average * 5 / 4;
    }

    /**
     * Whether workers leave transaction {@code j} to the committing thread, which executes it at
     * its turn on the block state itself: one in {@code threads}. A transaction executed ahead
     * costs more CPU in all than one executed at its turn (its reads and writes recorded in a
     * {@link TxView}, then checked and applied: about a fifth more for an ERC-20 transfer), and the
     * committing thread, which must check and apply the others anyway, would otherwise execute
     * ahead too. On two threads each then executes every other transaction, and the committing
     * thread's share (executing one, checking and applying the other) about equals the worker's
     * (executing one ahead). When the workers get more than {@link #LEAD} rounds ahead of the
     * committing thread (its share costing more than theirs), they take its turns too until it
     * catches up. Not while throttled (mostly conflicts) or in tests that check every transaction.
     */
    boolean leftToCommitter(int j) {
      return !throttled && !workersOnly && j % threads == 0 && j < turn + LEAD * threads;
    }

    /** The committing thread's turn: the transaction it is taking. */
    volatile int turn;

    /** Takes transaction {@code i} if nobody has: true if it did. */
    boolean claim(int i) {
      return claimed.get(i) == 0 && claimed.compareAndSet(i, 0, 1);
    }

    /**
     * Takes the next unclaimed transaction to execute ahead; -1 when none is left. Workers leave
     * the committing thread's own turns ({@link #leftToCommitter}) alone.
     */
    int claimNext(boolean worker) {
      while (!closed) {
        int j = cursor.getAndIncrement();
        if (j >= txs.size()) {
          return -1;
        }
        if (throttled && j % THROTTLED_SHARE != THROTTLED_SHARE - 1 && j != txs.size() - 1) {
          continue;
        }
        if (worker && leftToCommitter(j)) {
          continue;
        }
        if (claim(j)) {
          return j;
        }
      }
      return -1;
    }

    /**
     * The result for {@code i}, which someone else has claimed; null if {@code mayGiveUp} and it
     * takes longer than a few executions do on average.
     */
    Speculation await(int i, boolean mayGiveUp) {
      Speculation result = results.get(i);
      if (result != null) {
        return result;
      }
      long start = System.nanoTime();
      long done = executions.get();
      long patience =
          MIN_PATIENCE_NANOS + (done == 0 ? 0 : 4 * workerNanos.sum() / Math.max(1, done));
      for (int spins = 1; (result = results.get(i)) == null; spins++) {
        Thread.onSpinWait();
        if ((spins & 63) == 0 && mayGiveUp && System.nanoTime() - start > patience) {
          return null;
        }
      }
      return result;
    }

    /**
     * Gives the mini-block's tail task to a worker of this run that is waiting for it, or to the
     * pool when none is.
     */
    void handOverTail(Runnable task) {
      if (tailWaiters.get() > 0) {
        tail = task;
      } else {
        pool.execute(task);
      }
    }

    /** No tail task comes after this: waiting workers return. */
    void endTail() {
      tailEnded = true;
    }

    /**
     * After the last transaction was claimed, a worker waits a little for the mini-block's tail
     * (its diff): the committing thread is then committing the last few results, and a worker woken
     * from the pool's queue for the diff instead starts tens of microseconds later (often after the
     * committing thread has given up on it and computed the diff itself, leaving the worker idle).
     * Not while throttled: the committing thread is then far behind.
     */
    void awaitTail() {
      long start = System.nanoTime();
      try {
        for (int spins = 1; !tailEnded; spins++) {
          Thread.onSpinWait();
          if ((spins & 63) == 0 && System.nanoTime() - start > tailPatienceNanos) {
            return;
          }
        }
      } finally {
        tailWaiters.decrementAndGet();
      }
      Runnable task = tail;
      if (task != null) {
        task.run(); // runs once: a second taker, or the owner that took it back, finds it started
      }
    }

    /** Whether this run's workers wait for the tail (counted in {@link #tailWaiters}). */
    boolean waitsForTail() {
      return !throttled && !workersOnly;
    }

    /**
     * Executes the unclaimed transactions ahead, until none is left or the mini-block is over; then
     * counts the worker in {@link #warmWorkers}: the next mini-block may be handed to it from now
     * on (it takes it after this one's tail). Counted before it stops being {@link #active}, which
     * the committing thread waits for at the mini-block's end, so that the next mini-block always
     * finds it counted.
     */
    private void speculateAhead() {
      active.incrementAndGet();
      boolean done = false;
      try {
        if (closed) {
          done = true;
          return; // started after the mini-block was over
        }
        ExecutionResources own = takeResources();
        try {
          for (int j = claimNext(true); j >= 0; j = claimNext(true)) {
            long start = System.nanoTime();
            started.setRelease(j, start);
            Speculation result;
            try {
              result = block.speculate(txs.get(j), validities.get(j), own);
            } catch (Throwable t) {
              results.set(j, new Speculation.Abandoned(t.toString()));
              throw t;
            }
            workerNanos.add(System.nanoTime() - start);
            executions.incrementAndGet();
            results.set(j, result);
          }
          done = true;
        } finally {
          resources.add(own);
        }
      } finally {
        if (done) {
          warmWorkers.incrementAndGet();
        }
        active.decrementAndGet();
      }
    }

    /** Ends the mini-block: no worker starts, and those running have returned. */
    void close() {
      closed = true;
      int spins = 0;
      while (active.get() != 0) {
        if (++spins < 1_000) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }
}
