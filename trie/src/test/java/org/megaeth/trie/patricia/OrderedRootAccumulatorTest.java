package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A list's root built up in steps, with complete chunks of 16 hashed as they come, equals the
 * one-pass root of the whole list ({@link OrderedTrieRoot}, itself checked against the general
 * trie), at the sizes where the key layout changes and with steps that split chunks anywhere.
 */
class OrderedRootAccumulatorTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

  @AfterAll
  static void stopPool() {
    POOL.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 143, 144, 145, 255, 256, 257, 1000, 4097, 20_000})
  void shouldEqualTheOnePassRootWhenBuiltInRandomSteps(int count) {
    Random random = new Random(count);
    List<Bytes> items = OrderedTrieRootTest.items(count, random, 1, 300);
    OrderedRootAccumulator onPool = new OrderedRootAccumulator(POOL);
    OrderedRootAccumulator inline = new OrderedRootAccumulator(null);
    int added = 0;
    while (added < count) {
      int step = Math.min(count - added, 1 + random.nextInt(400));
      onPool.addAll(items.subList(added, added + step));
      inline.addAll(items.subList(added, added + step));
      added += step;
    }
    assertThat(onPool.items()).isEqualTo(items);
    assertThat(onPool.root()).isEqualTo(OrderedTrieRoot.of(items));
    assertThat(inline.root()).isEqualTo(OrderedTrieRoot.of(items));
  }

  @Test
  void shouldGiveEachIntermediateRoot() {
    // A root asked for midway (after every step) is that prefix's root, and adding goes on.
    List<Bytes> items = OrderedTrieRootTest.items(700, new Random(5), 40, 120);
    OrderedRootAccumulator accumulator = new OrderedRootAccumulator(POOL);
    for (int end = 50; end <= 700; end += 50) {
      accumulator.addAll(items.subList(end - 50, end));
      assertThat(accumulator.root()).isEqualTo(OrderedTrieRoot.of(items.subList(0, end)));
    }
  }

  @Test
  void shouldHashCompleteChunksOnThePoolAsTheyAreAdded() {
    AtomicInteger tasks = new AtomicInteger();
    OrderedRootAccumulator accumulator =
        new OrderedRootAccumulator(
            task -> {
              tasks.incrementAndGet();
              task.run();
            });
    List<Bytes> items = OrderedTrieRootTest.items(300, new Random(9), 40, 120);
    accumulator.addAll(items.subList(0, 143)); // the first chunk (128..143) is one item short
    assertThat(tasks).hasValue(0);
    accumulator.addAll(items.subList(143, 144));
    assertThat(tasks).hasValue(1);
    accumulator.addAll(items.subList(144, 300)); // chunks 144..159 to 272..287
    assertThat(tasks).hasValue(2);
    assertThat(accumulator.root()).isEqualTo(OrderedTrieRoot.of(items));
  }

  @Test
  void shouldUseTheChunkReferencesItIsGiven() {
    // The one-pass root takes a known chunk's reference as it is: the right ones give the same
    // root, a wrong one a different root, so the seal really skips hashing those chunks.
    List<Bytes> items = OrderedTrieRootTest.items(1000, new Random(3), 40, 120);
    byte[][] chunks =
        OrderedTrieRoot.chunkReferences(OrderedTrieRoot.FIRST_CHUNK, items.subList(128, 992));
    assertThat(OrderedTrieRoot.of(items, c -> chunks[c - OrderedTrieRoot.FIRST_CHUNK]))
        .isEqualTo(OrderedTrieRoot.of(items));
    byte[] wrong = chunks[20].clone();
    wrong[0] ^= 1;
    assertThat(OrderedTrieRoot.of(items, c -> c == OrderedTrieRoot.FIRST_CHUNK + 20 ? wrong : null))
        .isNotEqualTo(OrderedTrieRoot.of(items));
  }
}
