package org.megaeth.evm.frame;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The working memory of message execution, kept from one transaction to the next so that running a
 * transaction allocates none of it: per call depth a {@link Stack} (32 KiB of limbs, its scratch
 * and word buffer) and a {@link Memory}, plus the frame stack of the {@link FrameRunner} loop.
 * Without it every transaction zeroed and first-touched ~40 KB for an ERC-20 transfer (~119 KB for
 * a Uniswap swap), most of its CPU time (docs/benchmarks.md, issue #4).
 *
 * <p>Ownership is explicit: whoever runs messages on a thread holds one and passes it in (a {@link
 * org.megaeth.evm.tx.TransactionProcessor} keeps an idle one for its callers that pass none). There
 * is no thread-local: the EVM owns no threads, virtual threads would each get their own copy, and a
 * thread-local pins the buffers for the life of the thread rather than of their owner.
 *
 * <p>Reset: a stack and a memory are cleared when a frame takes them ({@link #stack}, {@link
 * #memory}), so nothing of an earlier message (or of one cut short by an exception) is visible to
 * MLOAD, MSIZE or the stack. A memory zeroes its active bytes and drops a buffer above {@link
 * Memory#RETAINED_BYTES}; {@link #trim} drops depths beyond {@link #RETAINED_DEPTHS}, so a rare
 * deep or memory-heavy transaction does not pin its buffers.
 *
 * <p>Not thread-safe: one message at a time.
 */
public final class ExecutionResources {
  /** Depths whose stack and memory are kept after a message ends: 64 x ~33 KiB. */
  public static final int RETAINED_DEPTHS = 64;

  private Stack[] stacks = new Stack[8];
  private Memory[] memories = new Memory[8];

  /** Frames of the running message, innermost first; empty between messages. */
  final ArrayDeque<Frame> frames = new ArrayDeque<>();

  /** The stack for a frame at {@code depth}, empty. */
  Stack stack(int depth) {
    if (depth >= stacks.length) {
      grow(depth);
    }
    Stack stack = stacks[depth];
    if (stack == null) {
      stack = new Stack();
      stacks[depth] = stack;
    } else {
      stack.clear();
    }
    return stack;
  }

  /** The memory for a frame at {@code depth}, empty and zeroed. */
  Memory memory(int depth) {
    if (depth >= memories.length) {
      grow(depth);
    }
    Memory memory = memories[depth];
    if (memory == null) {
      memory = new Memory();
      memories[depth] = memory;
    } else {
      memory.reset();
    }
    return memory;
  }

  /** Forgets the frames of an unfinished message and the buffers of deep ones. */
  void trim() {
    frames.clear();
    if (stacks.length > RETAINED_DEPTHS) {
      stacks = Arrays.copyOf(stacks, RETAINED_DEPTHS);
      memories = Arrays.copyOf(memories, RETAINED_DEPTHS);
    }
  }

  /** How many depths hold a stack now (for tests). */
  int retainedDepths() {
    int n = 0;
    for (Stack s : stacks) {
      if (s != null) {
        n++;
      }
    }
    return n;
  }

  private void grow(int depth) {
    int length = Math.max(depth + 1, Math.min(stacks.length * 2, FrameRunner.MAX_DEPTH + 1));
    stacks = Arrays.copyOf(stacks, length);
    memories = Arrays.copyOf(memories, length);
  }
}
