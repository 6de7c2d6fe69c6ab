package org.megaeth.rpc.json;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Jackson's buffers, shared by the virtual threads that serve requests: a fixed row of slots, taken
 * and returned with one atomic operation each. Jackson's own shared pool for virtual threads (a
 * {@code ConcurrentLinkedDeque}) allocated a node per return and showed up at 4-6% of the request
 * threads under the load generator (JFR: {@code releaseToPool}, {@code
 * ConcurrentLinkedDeque.newNode}). Only as many recyclers are out at once as requests are parsing
 * or writing JSON at that instant, about one per core, so a few slots almost always hold one; when
 * none does a new one is made, and one returned to full slots is dropped for the GC.
 */
final class RecyclerSlots implements RecyclerPool<BufferRecycler> {
  private static final long serialVersionUID = 1L;

  /** A power of two, several per core. */
  private static final int SLOTS = 16;

  private final transient AtomicReferenceArray<BufferRecycler> slots =
      new AtomicReferenceArray<>(SLOTS);

  @Override
  public BufferRecycler acquirePooled() {
    // Start where this thread's id points, so concurrent threads mostly try different slots.
    int start = (int) Thread.currentThread().threadId();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.getPlain(slot) != null) {
        BufferRecycler recycler = slots.getAndSet(slot, null);
        if (recycler != null) {
          return recycler;
        }
      }
    }
    return new BufferRecycler();
  }

  @Override
  public void releasePooled(BufferRecycler recycler) {
    int start = (int) Thread.currentThread().threadId();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.getPlain(slot) == null && slots.compareAndSet(slot, null, recycler)) {
        return;
      }
    }
  }

  @Override
  public int pooledCount() {
    int count = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (slots.get(i) != null) {
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean clear() {
    for (int i = 0; i < SLOTS; i++) {
      slots.set(i, null);
    }
    return true;
  }
}
