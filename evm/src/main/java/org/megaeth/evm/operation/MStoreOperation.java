package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** MSTORE (0x52): Stores a word to memory. */
public final class MStoreOperation {
  public static final int OPCODE = 0x52;
  public static final String MNEMONIC = "MSTORE";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private MStoreOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a);
    if (!frame.expandMemory(offset, 32)) {
      return Exit.OUT_OF_GAS;
    }
    Limbs.toBytes(s, a - 4, frame.memory.data(), (int) offset);
    stack.size -= 2;
    return Exit.CONTINUE;
  }
}
