package org.megaeth.evm.tracing;

import org.megaeth.evm.frame.Frame;

/**
 * Observes execution (debug_trace*, tests). The interpreter reads the tracer once per frame run and
 * calls it only when one is attached, so an untraced run pays a predictable branch and nothing
 * else.
 */
public interface Tracer {
  /** Before each instruction, after its static gas is charged. */
  default void onStep(Frame frame, int opcode) {}

  /** When a frame starts (depth 0 is the transaction's). */
  default void onFrameEnter(Frame frame) {}

  /** When a frame ends; {@code exit} is an {@link org.megaeth.evm.frame.Exit} code. */
  default void onFrameExit(Frame frame, int exit) {}
}
