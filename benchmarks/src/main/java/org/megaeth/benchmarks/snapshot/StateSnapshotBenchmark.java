package org.megaeth.benchmarks.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.sequencer.snapshot.LoadedSnapshot;
import org.megaeth.sequencer.snapshot.SnapshotFile;
import org.megaeth.sequencer.snapshot.SnapshotInfo;
import org.megaeth.sequencer.snapshot.SnapshotMetadata;
import org.megaeth.trie.state.FrozenState;
import org.megaeth.trie.state.WorldState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * State snapshots and frozen views over a state of {@code accounts} externally owned accounts plus
 * {@code contracts} contracts holding {@code slots} storage slots between them (random keys and
 * values), like a chain with many ERC-20 holders:
 *
 * <ul>
 *   <li>{@code writeSnapshot}: a frozen view to a snapshot file (zstd level 1, fsync, rename), on
 *       one thread; the file size is printed;
 *   <li>{@code readSnapshot}: the file back into a world state with every root checked, storage
 *       tries hashed on 2 threads;
 *   <li>{@code freeze}: taking a frozen view (O(1));
 *   <li>{@code copyStorageTrieMap}: what a frozen view would cost with a plain {@code HashMap} copy
 *       of the address-to-storage-trie map instead of the persistent map, were every one of the
 *       {@code accounts} a contract with storage;
 *   <li>{@code block10kSlotsAndFreeze}: a block writing 10,000 slots spread over the contracts,
 *       {@code computeRoot}, {@code freeze}: the per-block cost, persistent map upkeep included.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StateSnapshotBenchmark -f 1}
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
public class StateSnapshotBenchmark {
  @Param({"1000000"})
  int accounts;

  @Param({"10000"})
  int contracts;

  @Param({"1000000"})
  int slots;

  private WorldState state;
  private FrozenState frozen;
  private Path dir;
  private Path file;
  private ForkJoinPool pool;
  private Map<Address, Object> plainMap;
  private SplittableRandom random;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    pool = new ForkJoinPool(2);
    random = new SplittableRandom(1);
    plainMap = new HashMap<>();
    state = WorldState.create();
    for (int i = 0; i < accounts; i++) {
      Address a = Address.ofNumber(i + 1);
      state.setBalance(a, Wei.of(random.nextLong(1L << 60)));
      state.setNonce(a, random.nextInt(100));
      plainMap.put(a, a);
    }
    for (int c = 0; c < contracts; c++) {
      Address contract = contract(c);
      state.setCode(contract, Bytes.of(0x60, c & 0xff, 0x60, (c >> 8) & 0xff, 0x00));
    }
    for (int s = 0; s < slots; s++) {
      state.setStorage(contract(s % contracts), randomWord(), randomWord());
      if (s % 100_000 == 99_999) {
        state.computeRoot(pool); // keeps the pending maps small
      }
    }
    state.computeRoot(pool);
    frozen = state.freeze();
    dir = Files.createTempDirectory("snapshot-bench");
    file = dir.resolve("bench.snap");
    SnapshotInfo info = SnapshotFile.write(file, frozen, metadata());
    System.out.printf(
        "%nsnapshot: %d accounts, %d slots, %d codes, %d bytes (%.1f bytes per account+slot)%n",
        info.accounts(),
        info.slots(),
        info.codes(),
        info.sizeBytes(),
        (double) info.sizeBytes() / (info.accounts() + info.slots()));
  }

  private static Address contract(int c) {
    return Address.ofNumber(0xC000_0000L + c);
  }

  private UInt256 randomWord() {
    return new UInt256(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
  }

  private SnapshotMetadata metadata() {
    return new SnapshotMetadata(1, Keccak.hash(Bytes.of(1)), frozen.rootHash(), Bytes.of(1, 2, 3));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
    pool.shutdown();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public SnapshotInfo writeSnapshot() throws IOException {
    return SnapshotFile.write(file, frozen, metadata());
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public LoadedSnapshot readSnapshot() throws Exception {
    return SnapshotFile.read(file, pool);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 2)
  public FrozenState freeze() {
    return state.freeze();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 2)
  public Map<Address, Object> copyStorageTrieMap() {
    return new HashMap<>(plainMap);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public FrozenState block10kSlotsAndFreeze() {
    for (int i = 0; i < 10_000; i++) {
      state.setStorage(contract(random.nextInt(contracts)), randomWord(), randomWord());
    }
    state.computeRoot(pool);
    return state.freeze();
  }
}
