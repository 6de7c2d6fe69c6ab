package org.megaeth.benchmarks.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.benchmarks.BenchTransactions;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.parallel.ParallelExecutor;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.trie.state.WorldState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A mini-block of ERC-20 transfers (the OpenZeppelin {@code BenchToken}, 10,000 holders) built by
 * the sequencer's {@link BlockBuilder}, serially ({@code threads = 1}) and by the {@link
 * ParallelExecutor} ({@code threads = 2}: the calling thread and one worker). Senders are recovered
 * before, as the sequencer does at ingress; each operation is one transaction (the mini-block's
 * time divided by its size). Workloads:
 *
 * <ul>
 *   <li>{@code independent}: distinct senders to distinct recipients (only the coinbase fee is
 *       shared, as a commutative credit);
 *   <li>{@code halfHot}: every other transfer goes to one hot holder, whose balance they all read
 *       and write;
 *   <li>{@code allHot}: every transfer goes to the hot holder: a chain of dependencies, nothing can
 *       run in parallel.
 * </ul>
 *
 * <p>{@code miniBlock} measures what the sequencer does every ~10 ms: one {@code addCandidates}
 * (execution, receipts, the mini-block's state diff) on a block opened beforehand, without a
 * witness; the state is reset after each. {@code block} measures a whole one-mini-block block with
 * its witness: open, the mini-block, and the seal (state root, block diff, witness; the parallel
 * builder records the witness at the seal). Compare the two thread counts side by side in one run.
 *
 * <p>After each iteration the fork prints the CPU time per transaction of the committing thread and
 * of the workers (thread CPU time, so a busy machine inflates the wall time but not these), and how
 * many transactions were executed ahead and again: on a shared machine the committing thread's CPU
 * time against serial is the steadier measure of what the parallel path costs.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParallelMiniBlockBenchmark -f 1 -wi 2
 * -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ParallelMiniBlockBenchmark {
  static final int SIZE = 500;
  private static final long CHAIN_ID = 1;
  private static final long GAS_LIMIT = 2_000_000_000L;
  private static final ChainConfig CONFIG =
      new ChainConfig(CHAIN_ID, ForkSchedule.allFromGenesis(org.megaeth.core.fork.Fork.CANCUN));
  private static final Address COINBASE = Address.ofNumber(0xc0ffee);
  private static final int HOLDERS = 10_000;

  @Param({"1", "2"})
  int threads;

  @Param({"independent", "halfHot", "allHot"})
  String workload;

  private ExecutorService pool;
  private ParallelExecutor parallel;
  private BlockBuilder builder;
  private WorldState state;
  private BlockHeader parent;
  private List<BlockBuilder.Candidate> candidates;
  private BlockBuilder.OpenBlock open;
  private boolean sealed;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private final List<Thread> workers = new CopyOnWriteArrayList<>();

  // This iteration's totals, for the CPU report.
  private long transactions;
  private long committingCpuNanos;
  private long workersCpuAtStart;
  private long executedAhead;
  private long reExecutions;

  @Setup(Level.Trial)
  public void setUp() {
    pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads - 1),
            r -> {
              Thread t = new Thread(r, "parallel-worker");
              t.setDaemon(true);
              workers.add(t);
              return t;
            });
    parallel = new ParallelExecutor(pool, threads);
    builder = new BlockBuilder(new BlockExecutor(CONFIG, null));

    KeyPair deployer = KeyPair.of(SecretKey.fromHex("0x" + "01".repeat(32)));
    List<KeyPair> holders = new ArrayList<>();
    state = WorldState.create();
    state.setBalance(deployer.address(), Wei.fromEth(1_000_000));
    for (int i = 0; i < HOLDERS; i++) {
      KeyPair holder = KeyPair.of(SecretKey.of(UInt256.valueOf(0x10000 + i).toBytes32()));
      holders.add(holder);
      state.setBalance(holder.address(), Wei.fromEth(10));
    }
    BlockHeader genesis = genesis(state.computeRoot());
    List<Transaction> setup = new ArrayList<>();
    byte[] init = Hex.decodeLenient(resource("/contracts/BenchToken.hex").strip());
    Bytes deploy =
        Bytes.concatenate(
            Bytes.wrap(init),
            Bytes.wrap(UInt256.fromBigInteger(BigInteger.TEN.pow(30)).toBytes32()));
    setup.add(BenchTransactions.signed(CHAIN_ID, deployer, 0, null, deploy, 5_000_000));
    Address token = FrameRunner.createAddress(deployer.address(), 0);
    UInt256 perHolder = UInt256.fromBigInteger(BigInteger.TEN.pow(21));
    for (int i = 0; i < HOLDERS; i++) {
      setup.add(
          BenchTransactions.signed(
              CHAIN_ID,
              deployer,
              i + 1,
              token,
              BenchTransactions.erc20Transfer(holders.get(i).address(), perHolder),
              100_000));
    }
    BlockBuilder.Built first =
        builder.build(state, genesis, attributes(genesis), setup, hash -> Optional.empty(), false);
    if (first.block().body().transactions().size() != setup.size()) {
      throw new IllegalStateException("setup: " + first.skipped().getFirst().reason());
    }
    parent = first.block().header();

    Address hot = holders.get(HOLDERS - 1).address();
    UInt256 amount = UInt256.valueOf(1_000);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      boolean toHot =
          switch (workload) {
            case "independent" -> false;
            case "halfHot" -> i % 2 == 0;
            case "allHot" -> true;
            default -> throw new IllegalArgumentException(workload);
          };
      Address to = toHot ? hot : holders.get(HOLDERS / 2 + i).address();
      txs.add(
          BenchTransactions.signed(
              CHAIN_ID,
              holders.get(i),
              0,
              token,
              BenchTransactions.erc20Transfer(to, amount),
              100_000));
    }
    BlockBuilder.OpenBlock validator =
        builder.open(state, parent, attributes(parent), hash -> Optional.empty(), false);
    candidates = txs.stream().map(validator::validate).toList();
    state.revertTo(0);
  }

  @Setup(Level.Iteration)
  public void startCpuReport() {
    transactions = 0;
    committingCpuNanos = 0;
    executedAhead = 0;
    reExecutions = 0;
    workersCpuAtStart = workersCpu();
  }

  /** Prints this iteration's CPU time per transaction, by thread role. */
  @TearDown(Level.Iteration)
  public void printCpuReport() {
    if (transactions == 0) {
      return;
    }
    double workerUs = (workersCpu() - workersCpuAtStart) / 1e3 / transactions;
    double committingUs = committingCpuNanos / 1e3 / transactions;
    System.out.printf(
        "%n[cpu] threads=%d %s: committing %.3f us/tx, workers %.3f us/tx, total %.3f us/tx;"
            + " executed ahead %.1f%%, again %.1f%%%n",
        threads,
        workload,
        committingUs,
        workerUs,
        committingUs + workerUs,
        100.0 * executedAhead / transactions,
        100.0 * reExecutions / transactions);
  }

  private long workersCpu() {
    long sum = 0;
    for (Thread t : workers) {
      long nanos = CPU.getThreadCpuTime(t.threadId());
      sum += Math.max(0, nanos);
    }
    return sum;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  /** Opens the block for {@link #miniBlock} (a block is opened once per ~100 mini-blocks). */
  @Setup(Level.Invocation)
  public void openBlock() {
    open =
        builder.open(state, parent, attributes(parent), hash -> Optional.empty(), false, parallel);
  }

  /** Puts the state back to the parent's after each operation, so every one is the same. */
  @TearDown(Level.Invocation)
  public void reset() {
    if (sealed) {
      state.undoLastCommit();
      sealed = false;
    } else {
      state.revertTo(0);
    }
    // The undo restores tries whose key indexes are rebuilt on their first read: rebuild them
    // here, on one thread, rather than inside the next operation.
    Address token = candidates.getFirst().tx().to().orElseThrow();
    state.getAccount(token);
    state.getStorage(token, UInt256.ZERO);
    open = null;
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public BlockBuilder.MiniBlock miniBlock() {
    long cpuStart = CPU.getCurrentThreadCpuTime();
    open =
        builder.open(state, parent, attributes(parent), hash -> Optional.empty(), false, parallel);
    BlockBuilder.MiniBlock mini = open.addCandidates(candidates);
    committingCpuNanos += CPU.getCurrentThreadCpuTime() - cpuStart;
    transactions += mini.transactions().size();
    executedAhead += mini.metrics().executedAhead();
    reExecutions += mini.metrics().reExecutions();
    requireAllIncluded(mini);
    return mini;
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public BlockBuilder.Built block() {
    open =
        builder.open(state, parent, attributes(parent), hash -> Optional.empty(), true, parallel);
    requireAllIncluded(open.addCandidates(candidates));
    BlockBuilder.Built built = open.seal();
    sealed = true;
    return built;
  }

  private static void requireAllIncluded(BlockBuilder.MiniBlock mini) {
    if (mini.transactions().size() != SIZE) {
      throw new IllegalStateException("skipped: " + mini.skipped().getFirst().reason());
    }
  }

  private static BlockBuilder.Attributes attributes(BlockHeader parent) {
    return new BlockBuilder.Attributes(
        COINBASE, parent.timestamp() + 1, Hash.ZERO, Hash.ZERO, List.of(), GAS_LIMIT, Bytes.EMPTY);
  }

  private static BlockHeader genesis(Hash stateRoot) {
    return GenesisBlock.cancunHeader(stateRoot, GAS_LIMIT);
  }

  private static String resource(String name) {
    try (InputStream in = ParallelMiniBlockBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
