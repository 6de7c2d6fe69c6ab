package org.megaeth.benchmarks.trie;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.OrderedRootAccumulator;
import org.megaeth.trie.patricia.OrderedTrieRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A sealed block's transactions and receipts roots: the one-pass {@link OrderedTrieRoot} against
 * building a general {@link MerklePatriciaTrie} of the same items (what the seal did before), side
 * by side. Items are the sizes of an ERC-20 transfer (~110 bytes) and of its receipt (~370 bytes,
 * most of it the bloom). Also the incremental way the block builder takes ({@link
 * OrderedRootAccumulator}): what is left for the seal, and the whole work.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OrderedRootBenchmark -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderedRootBenchmark {
  @Param({"10000"})
  int items;

  @Param({"110", "370"})
  int itemBytes;

  /** Items per mini-block in the incremental benchmarks: ~300 transfers per 10 ms at 20,000/s. */
  private static final int MINI_BLOCK = 300;

  private List<Bytes> encoded;
  private OrderedRootAccumulator accumulated;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    encoded = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      byte[] item = new byte[itemBytes];
      random.nextBytes(item);
      encoded.add(Bytes.wrap(item));
    }
    accumulated = addInMiniBlocks();
  }

  private OrderedRootAccumulator addInMiniBlocks() {
    OrderedRootAccumulator accumulator = new OrderedRootAccumulator(null);
    for (int from = 0; from < items; from += MINI_BLOCK) {
      accumulator.addAll(encoded.subList(from, Math.min(items, from + MINI_BLOCK)));
    }
    return accumulator;
  }

  /**
   * What the seal pays once mini-blocks have added every item and their complete runs are hashed.
   */
  @Benchmark
  public Hash atSealAfterMiniBlocks() {
    return accumulated.root();
  }

  /** All the hashing of the incremental way on one thread: mini-blocks of 300, then the root. */
  @Benchmark
  public Hash incrementalInAll() {
    return addInMiniBlocks().root();
  }

  @Benchmark
  public Hash onePass() {
    return OrderedTrieRoot.of(encoded);
  }

  @Benchmark
  public Hash generalTrie() {
    Map<Bytes, Bytes> entries = HashMap.newHashMap(encoded.size());
    for (int i = 0; i < encoded.size(); i++) {
      long index = i;
      entries.put(Rlp.encode(w -> w.writeUInt64(index)), encoded.get(i));
    }
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    trie.apply(entries);
    return trie.rootHash();
  }
}
