package org.megaeth.benchmarks.evm;

import java.util.function.Supplier;

/**
 * Transactions built ahead of the measurement: {@link #fill} runs in an iteration's setup, so the
 * measured operation only takes the next one. Nonces are assigned when a transaction is built, so
 * transactions left over from one iteration are kept, in order, for the next. Should an iteration
 * outrun the buffer, {@link #next} builds more inline (a small cost counted in that iteration).
 */
final class TxQueue {
  private final Supplier<EvmChain.Prepared> source;
  private final EvmChain.Prepared[] buffer;
  private int head;
  private int tail;

  TxQueue(Supplier<EvmChain.Prepared> source, int capacity) {
    this.source = source;
    this.buffer = new EvmChain.Prepared[capacity];
  }

  /** Keeps the unused transactions and builds new ones until the buffer is full. */
  void fill() {
    int remaining = tail - head;
    System.arraycopy(buffer, head, buffer, 0, remaining);
    head = 0;
    tail = remaining;
    while (tail < buffer.length) {
      buffer[tail++] = source.get();
    }
  }

  EvmChain.Prepared next() {
    if (head == tail) {
      fill();
    }
    EvmChain.Prepared p = buffer[head];
    buffer[head++] = null;
    return p;
  }
}
