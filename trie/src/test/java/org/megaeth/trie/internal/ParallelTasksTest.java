package org.megaeth.trie.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {
  private static Runnable[] counting(AtomicIntegerArray runs) {
    Runnable[] tasks = new Runnable[runs.length()];
    for (int i = 0; i < tasks.length; i++) {
      int index = i;
      tasks[i] = () -> runs.incrementAndGet(index);
    }
    return tasks;
  }

  private static void assertEachRanOnce(AtomicIntegerArray runs) {
    for (int i = 0; i < runs.length(); i++) {
      assertThat(runs.get(i)).as("task %d", i).isEqualTo(1);
    }
  }

  @Test
  void shouldRunEveryTaskOnceWhenExecutorIsAPool() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      AtomicIntegerArray runs = new AtomicIntegerArray(16);
      ParallelTasks.run(pool, counting(runs));
      assertEachRanOnce(runs);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void shouldFinishOnCallingThreadWhenExecutorNeverRunsTasks() {
    AtomicIntegerArray runs = new AtomicIntegerArray(16);
    Executor blackHole = task -> {};

    ParallelTasks.run(blackHole, counting(runs));

    assertEachRanOnce(runs);
  }

  @Test
  void shouldFinishOnCallingThreadWhenExecutorRejectsTasks() {
    AtomicIntegerArray runs = new AtomicIntegerArray(16);
    Executor rejecting =
        task -> {
          throw new RejectedExecutionException("full");
        };

    ParallelTasks.run(rejecting, counting(runs));

    assertEachRanOnce(runs);
  }

  @Test
  void shouldRethrowWhenATaskFails() {
    AtomicIntegerArray runs = new AtomicIntegerArray(8);
    Runnable[] tasks = counting(runs);
    tasks[3] =
        () -> {
          throw new IllegalStateException("boom");
        };
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      assertThatThrownBy(() -> ParallelTasks.run(pool, tasks)).hasMessage("boom");
      assertThat(runs.get(7)).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }
}
