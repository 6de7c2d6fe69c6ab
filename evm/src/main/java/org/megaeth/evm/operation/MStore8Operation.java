package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** MSTORE8 (0x53): Stores the low byte of a word to memory. */
public final class MStore8Operation {
  public static final int OPCODE = 0x53;
  public static final String MNEMONIC = "MSTORE8";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private MStore8Operation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a);
    if (!frame.expandMemory(offset, 1)) {
      return Exit.OUT_OF_GAS;
    }
    frame.memory.data()[(int) offset] = (byte) s[a - 4];
    stack.size -= 2;
    return Exit.CONTINUE;
  }
}
