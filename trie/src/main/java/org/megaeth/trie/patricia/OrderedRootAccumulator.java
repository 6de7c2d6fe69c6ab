package org.megaeth.trie.patricia;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;

/**
 * The ordered-trie root ({@link OrderedTrieRoot}) of a list that grows in steps, as a block's
 * transactions and receipts grow by mini-blocks. Each run of 16 items from item 128 on is hashed as
 * soon as it is complete, on {@code pool} while the caller goes on, so {@link #root} hashes only
 * the first 128 items, the last incomplete run and the few branches above the runs.
 *
 * <p>Why: the sequencer seals a block of tens of thousands of transactions every second, and
 * production stops while it seals. Hashing both lists at the seal took 40-110 ms of that pause at
 * 20,000 transfers per second (docs/benchmarks.md, "the seal's pause"); spread over the block's
 * mini-blocks it costs the same and stops nothing.
 *
 * <p>Not thread-safe: one thread adds and asks for the root.
 */
public final class OrderedRootAccumulator {
  private final Executor pool;
  private final List<Bytes> items = new ArrayList<>();

  /** The references of the chunks from {@link OrderedTrieRoot#FIRST_CHUNK} on, in batches. */
  private final List<CompletableFuture<byte[][]>> batches = new ArrayList<>();

  /** Chunks from {@link OrderedTrieRoot#FIRST_CHUNK} on that are hashed or being hashed. */
  private int chunksStarted;

  /**
   * @param pool where complete chunks are hashed; null hashes them on the adding thread
   */
  public OrderedRootAccumulator(Executor pool) {
    this.pool = pool;
  }

  /** Appends items in their consensus encoding and starts hashing the chunks they complete. */
  public void addAll(List<Bytes> encodedItems) {
    items.addAll(encodedItems);
    int firstChunk = OrderedTrieRoot.FIRST_CHUNK + chunksStarted;
    int endChunk = items.size() / OrderedTrieRoot.CHUNK;
    if (endChunk <= firstChunk) {
      return;
    }
    // A copy: the task must not read the list while this thread grows it.
    List<Bytes> chunkItems =
        List.copyOf(
            items.subList(firstChunk * OrderedTrieRoot.CHUNK, endChunk * OrderedTrieRoot.CHUNK));
    batches.add(
        pool == null
            ? CompletableFuture.completedFuture(
                OrderedTrieRoot.chunkReferences(firstChunk, chunkItems))
            : CompletableFuture.supplyAsync(
                () -> OrderedTrieRoot.chunkReferences(firstChunk, chunkItems), pool));
    chunksStarted = endChunk - OrderedTrieRoot.FIRST_CHUNK;
  }

  /** The items added, in order: a view that grows with later additions. */
  public List<Bytes> items() {
    return Collections.unmodifiableList(items);
  }

  /** The root of every item added so far, equal to {@link OrderedTrieRoot#of} of them. */
  public Hash root() {
    byte[][] known = new byte[chunksStarted][];
    int next = 0;
    for (CompletableFuture<byte[][]> batch : batches) {
      byte[][] references = batch.join();
      System.arraycopy(references, 0, known, next, references.length);
      next += references.length;
    }
    return OrderedTrieRoot.of(
        items,
        chunk -> {
          int i = chunk - OrderedTrieRoot.FIRST_CHUNK;
          return i < known.length ? known[i] : null;
        });
  }
}
