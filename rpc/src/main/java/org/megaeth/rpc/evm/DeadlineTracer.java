package org.megaeth.rpc.evm;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.tracing.Tracer;

/**
 * Stops a call at its deadline: every {@value #CHECK_EVERY} instructions it reads the clock and,
 * past the deadline, throws {@link CallTimeoutException} out of the interpreter. The call's state
 * is a throwaway copy, so abandoning it mid-way is safe. Subclasses add what else they observe.
 */
class DeadlineTracer implements Tracer {
  /** Reading the clock costs ~20 ns; every 4096 steps makes that negligible. */
  private static final int CHECK_EVERY = 4096;

  private final long deadlineNanos;
  private int steps;

  DeadlineTracer(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void onStep(Frame frame, int opcode) {
    if (++steps == CHECK_EVERY) {
      steps = 0;
      if (System.nanoTime() - deadlineNanos > 0) {
        throw new CallTimeoutException();
      }
    }
  }
}
