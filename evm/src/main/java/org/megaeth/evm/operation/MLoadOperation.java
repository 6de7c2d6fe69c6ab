package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** MLOAD (0x51): Loads a word from memory. */
public final class MLoadOperation {
  public static final int OPCODE = 0x51;
  public static final String MNEMONIC = "MLOAD";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private MLoadOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a);
    if (!frame.expandMemory(offset, 32)) {
      return Exit.OUT_OF_GAS;
    }
    Limbs.fromBytes(s, a, frame.memory.data(), (int) offset, 32);
    return Exit.CONTINUE;
  }
}
