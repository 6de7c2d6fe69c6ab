package org.megaeth.benchmarks.trie;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.Account;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The world state as block execution uses it, over a state of {@code accounts} externally owned
 * accounts and one contract with {@code slots} storage slots (random keys and 32-byte values):
 *
 * <ul>
 *   <li>{@code readAccount}, {@code readSlot}: committed reads of existing entries, in random order
 *       (per read);
 *   <li>{@code update10kSlotsAndComputeRoot}: a block writing 10,000 random existing slots of the
 *       contract, then {@code computeRoot} (per block). The state evolves from block to block but
 *       keeps its size.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WorldStateBenchmark -wi 2 -i 5 -f 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class WorldStateBenchmark {
  private static final int READS = 1024;
  private static final int BLOCK = 10_000;
  private static final Address CONTRACT = Address.ofNumber(0xC0FFEE);

  @Param({"1000000"})
  int accounts;

  @Param({"1000000"})
  int slots;

  /** 1: everything on the calling thread; more: a pool of that many threads for computeRoot. */
  @Param({"1"})
  int threads;

  private WorldState state;
  private Address[] addresses;
  private UInt256[] slotKeys;
  private final SplittableRandom random = new SplittableRandom(7);
  private ForkJoinPool pool;

  @Setup(Level.Trial)
  public void setUp() {
    state = WorldState.create();
    SplittableRandom setup = new SplittableRandom(1);
    addresses = new Address[accounts];
    for (int i = 0; i < accounts; i++) {
      byte[] bytes = new byte[Address.SIZE];
      setup.nextBytes(bytes);
      addresses[i] = Address.wrap(bytes);
      state.setNonce(addresses[i], setup.nextInt(1000));
      state.setBalance(addresses[i], Wei.of(UInt256.valueOf(setup.nextLong() >>> 4)));
      if ((i + 1) % 100_000 == 0) {
        state.computeRoot();
      }
    }
    slotKeys = new UInt256[slots];
    for (int i = 0; i < slots; i++) {
      slotKeys[i] = word(setup);
      state.setStorage(CONTRACT, slotKeys[i], word(setup));
      if ((i + 1) % 100_000 == 0) {
        state.computeRoot();
      }
    }
    state.computeRoot();
    // Reads use equal but distinct key objects, as execution does (keys come off the EVM stack).
    for (int i = 0; i < accounts; i++) {
      addresses[i] = Address.wrap(addresses[i].toArray());
    }
    for (int i = 0; i < slots; i++) {
      UInt256 s = slotKeys[i];
      slotKeys[i] = new UInt256(s.u3(), s.u2(), s.u1(), s.u0());
    }
    pool = threads > 1 ? new ForkJoinPool(threads) : null;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void readAccount(Blackhole bh) {
    for (int i = 0; i < READS; i++) {
      Account account = state.getAccount(addresses[random.nextInt(accounts)]).orElseThrow();
      bh.consume(account.nonce());
    }
  }

  @Benchmark
  @OperationsPerInvocation(READS)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void readSlot(Blackhole bh) {
    for (int i = 0; i < READS; i++) {
      bh.consume(state.getStorage(CONTRACT, slotKeys[random.nextInt(slots)]));
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Hash update10kSlotsAndComputeRoot() {
    for (int i = 0; i < BLOCK; i++) {
      state.setStorage(CONTRACT, slotKeys[random.nextInt(slots)], word(random));
    }
    return state.computeRoot(pool);
  }

  private static UInt256 word(SplittableRandom random) {
    UInt256 v =
        new UInt256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    return v.isZero() ? UInt256.ONE : v;
  }
}
