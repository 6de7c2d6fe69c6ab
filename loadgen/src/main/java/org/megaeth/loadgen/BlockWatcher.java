package org.megaeth.loadgen;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.megaeth.core.types.Hash;

/**
 * Finds the load's transfers in blocks: polls {@code eth_blockNumber} and reads each new block's
 * transaction hashes with {@code eth_getBlockByNumber(n, false)}. A transfer's inclusion time is
 * when its block was first seen, which is what a client polling the node would see; the polling
 * interval bounds the error.
 */
final class BlockWatcher {
  private final EthApi api;
  private final Map<Hash, Integer> indexByHash;
  private final long[] includedAtNanos;
  private final long[] blockOf;
  private final long pollNanos;
  private final AtomicInteger included = new AtomicInteger();
  private final AtomicReference<LoadGenException> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stopped;
  private long nextBlock;
  private long blocksWithLoad;
  private long firstBlock = -1;
  private long lastBlock = -1;

  /**
   * @param fromBlock the first block that can hold a transfer (one above the head before sending)
   */
  BlockWatcher(EthApi api, List<SignedTransfer> load, long fromBlock, long pollNanos) {
    this.api = api;
    this.indexByHash = new HashMap<>(load.size() * 2);
    for (int i = 0; i < load.size(); i++) {
      indexByHash.put(load.get(i).hash(), i);
    }
    this.includedAtNanos = new long[load.size()];
    this.blockOf = new long[load.size()];
    Arrays.fill(blockOf, -1);
    this.nextBlock = fromBlock;
    this.pollNanos = pollNanos;
    this.thread = new Thread(this::run, "bench-block-watcher");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** How many transfers have been seen in blocks so far. */
  int included() {
    return included.get();
  }

  /**
   * Waits until {@code target} transfers are included, or none was for {@code idleNanos}.
   *
   * @return whether all {@code target} were included
   */
  boolean awaitIncluded(int target, long idleNanos) throws LoadGenException, InterruptedException {
    int seen = included.get();
    long lastProgress = System.nanoTime();
    while (seen < target) {
      if (failure.get() != null) {
        throw failure.get();
      }
      Thread.sleep(5);
      int now = included.get();
      if (now != seen) {
        seen = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > idleNanos) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stops polling and returns what was seen; the arrays are the watcher's own, safe to read once it
   * has stopped.
   */
  Result stop() throws InterruptedException {
    stopped = true;
    thread.join();
    return new Result(
        includedAtNanos, blockOf, included.get(), blocksWithLoad, firstBlock, lastBlock);
  }

  /**
   * @param includedAtNanos per transfer, when its block was seen ({@code System.nanoTime})
   * @param blockOf per transfer, the number of its block; -1 when it was not seen in one
   * @param blocksWithLoad how many blocks held at least one transfer
   * @param firstBlock the first such block, -1 when none
   * @param lastBlock the last such block, -1 when none
   */
  record Result(
      long[] includedAtNanos,
      long[] blockOf,
      int included,
      long blocksWithLoad,
      long firstBlock,
      long lastBlock) {}

  private void run() {
    while (!stopped) {
      long started = System.nanoTime();
      try {
        poll();
      } catch (LoadGenException e) {
        failure.compareAndSet(null, e);
        return;
      }
      long wait = pollNanos - (System.nanoTime() - started);
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  private void poll() throws LoadGenException {
    long head = api.blockNumber();
    long seenAt = System.nanoTime();
    while (nextBlock <= head) {
      Optional<List<Hash>> hashes = api.blockTransactions(nextBlock);
      if (hashes.isEmpty()) {
        return; // announced but not readable yet: next poll
      }
      int ours = 0;
      for (Hash hash : hashes.get()) {
        Integer index = indexByHash.get(hash);
        if (index != null && blockOf[index] < 0) {
          includedAtNanos[index] = seenAt;
          blockOf[index] = nextBlock;
          ours++;
        }
      }
      if (ours > 0) {
        blocksWithLoad++;
        firstBlock = firstBlock < 0 ? nextBlock : firstBlock;
        lastBlock = nextBlock;
        included.addAndGet(ours);
      }
      nextBlock++;
    }
  }
}
