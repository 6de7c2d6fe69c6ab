package org.megaeth.sequencer.produce;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the {@link Producer} on its own thread: a mini-block every mini-block interval when there
 * are ready transactions (never an empty one), and a sealed block every block interval, empty or
 * not. When a mini-block takes longer than the interval the next starts at once rather than
 * bunching up; the producer sizes mini-blocks so that one takes about an interval ({@link
 * MiniBlockBudget}). On {@link #stop} the open block gets a last mini-block and is sealed, so a
 * restart continues from a whole block.
 */
public final class ProductionLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ProductionLoop.class);

  private final Producer producer;
  private final long miniBlockNanos;
  private final long blockNanos;
  private final IntervalStats miniBlockIntervals;
  private final ProductionMetrics metrics;
  private volatile boolean running = true;
  private volatile Thread thread;
  private volatile Throwable failure;

  public ProductionLoop(
      Producer producer,
      Duration miniBlockInterval,
      Duration blockInterval,
      IntervalStats miniBlockIntervals,
      ProductionMetrics metrics) {
    this.producer = producer;
    this.metrics = metrics;
    this.miniBlockNanos = miniBlockInterval.toNanos();
    this.blockNanos = blockInterval.toNanos();
    this.miniBlockIntervals = miniBlockIntervals;
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      produce();
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.error("block production stopped: {}", e.toString(), e);
    }
  }

  private void produce() {
    long now = System.nanoTime();
    if (!producer.isOpen()) {
      producer.openBlock(System.currentTimeMillis());
    }
    long blockEnd = now + blockNanos;
    long nextMini = now + miniBlockNanos;
    long lastMiniBlock = 0;
    while (running) {
      now = System.nanoTime();
      if (now - blockEnd >= 0) {
        miniBlock();
        producer.sealBlock();
        metrics.blockSealed();
        producer.openBlock(System.currentTimeMillis());
        blockEnd += blockNanos;
        if (blockEnd - now <= 0) {
          blockEnd = now + blockNanos; // sealing took longer than a block: do not bunch up
        }
        continue;
      }
      if (now - nextMini >= 0) {
        if (miniBlock() > 0) {
          if (lastMiniBlock != 0) {
            miniBlockIntervals.record(now - lastMiniBlock);
            metrics.miniBlockInterval(now - lastMiniBlock);
          }
          lastMiniBlock = now;
        }
        // On time: the next one an interval after this one was due. Late (a backlog kept this
        // one busy past the interval): the next starts at once, never a burst to catch up.
        long due = nextMini + miniBlockNanos;
        long after = System.nanoTime();
        nextMini = due - after >= 0 ? due : after;
        continue;
      }
      LockSupport.parkNanos(this, Math.min(nextMini, blockEnd) - now);
    }
    if (producer.isOpen()) {
      miniBlock();
      producer.sealBlock();
      metrics.blockSealed();
    }
  }

  /** Runs a mini-block and counts it when one went out; returns how many transactions it has. */
  private int miniBlock() {
    int included = producer.runMiniBlock(micros());
    if (included > 0) {
      metrics.miniBlock(included, producer.lastExecution());
    }
    return included;
  }

  private static long micros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** Ends the loop after the current step; the open block is sealed first. */
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Why production stopped, if it failed. */
  public java.util.Optional<Throwable> failure() {
    return java.util.Optional.ofNullable(failure);
  }
}
