package org.megaeth.benchmarks.trie;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
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
 * The per-block state-root update: apply a batch of random updates to a large in-memory trie and
 * compute the new root. Keys are random 32-byte strings, the shape of the secure account and
 * storage tries (key hashing itself is not timed); values are 70 bytes, about an account's RLP. The
 * batch is 90% changed values, 5% new keys and 5% deletions.
 *
 * <p>Every invocation starts from the same hashed base trie: {@link MerklePatriciaTrie#copy()} is
 * O(1) and updates copy only the paths they change, so the base is never modified.
 *
 * <p>At the end of a trial it prints how many nodes were hashed per batch and per changed key
 * ({@link MerklePatriciaTrie#hashedNodeCount()}), the work incremental hashing saves over a full
 * re-hash.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TrieUpdateBenchmark -wi 1 -i 3 -f 1}.
 * The 10M-entry trie needs about 4 GB of heap (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms10g", "-Xmx10g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class TrieUpdateBenchmark {
  private static final int BATCHES = 8;

  @Param({"1000000", "10000000"})
  int entries;

  @Param({"10000"})
  int updates;

  /** 1: everything on the calling thread (no executor); more: a pool of that many threads. */
  @Param({"1", "2"})
  int threads;

  private MerklePatriciaTrie base;
  private final List<Map<Bytes, Bytes>> batches = new ArrayList<>();
  private ForkJoinPool pool;
  private int next;
  private long batchesRun;
  private long nodesHashed;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    base = MerklePatriciaTrie.create();
    // One flat array rather than 10M key objects, to keep the set-up's own heap small.
    byte[] keys = new byte[entries * 32];
    Map<Bytes, Bytes> chunk = new HashMap<>();
    for (int i = 0; i < entries; i++) {
      Bytes key = randomBytes(random, 32);
      System.arraycopy(key.toArrayUnsafe(), 0, keys, i * 32, 32);
      chunk.put(key, randomBytes(random, 70));
      if (chunk.size() == 100_000) {
        base.apply(chunk);
        chunk.clear();
      }
    }
    base.apply(chunk);
    base.rootHash();
    for (int b = 0; b < BATCHES; b++) {
      Map<Bytes, Bytes> batch = new HashMap<>();
      while (batch.size() < updates) {
        int kind = random.nextInt(100);
        if (kind < 90) {
          batch.put(existingKey(random, keys), randomBytes(random, 70));
        } else if (kind < 95) {
          batch.put(randomBytes(random, 32), randomBytes(random, 70));
        } else {
          batch.put(existingKey(random, keys), Bytes.EMPTY);
        }
      }
      batches.add(batch);
    }
    pool = threads > 1 ? new ForkJoinPool(threads) : null;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.shutdown();
    }
    if (batchesRun > 0) {
      double perBatch = (double) nodesHashed / batchesRun;
      System.out.printf(
          "%nnodes hashed: %.0f per batch, %.2f per changed key (entries=%d, threads=%d)%n",
          perBatch, perBatch / updates, entries, threads);
    }
  }

  @Benchmark
  public Hash applyBatchAndComputeRoot() {
    MerklePatriciaTrie trie = base.copy();
    trie.apply(batches.get(next++ % BATCHES), pool);
    Hash root = trie.rootHash(pool);
    batchesRun++;
    nodesHashed += trie.hashedNodeCount();
    return root;
  }

  private static Bytes existingKey(SplittableRandom random, byte[] keys) {
    int i = random.nextInt(keys.length / 32);
    return Bytes.wrap(keys, i * 32, 32).copy();
  }

  private static Bytes randomBytes(SplittableRandom random, int size) {
    byte[] out = new byte[size];
    random.nextBytes(out);
    return Bytes.wrap(out);
  }
}
