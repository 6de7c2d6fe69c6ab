package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/** MCOPY (0x5e): Copies within memory, overlapping allowed (EIP-5656). */
public final class MCopyOperation {
  public static final int OPCODE = 0x5e;
  public static final String MNEMONIC = "MCOPY";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 0;

  private MCopyOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long dest = Limbs.toLongSaturated(s, a);
    long src = Limbs.toLongSaturated(s, a - 4);
    long length = Limbs.toLongSaturated(s, a - 8);
    if (!frame.charge(Gas.copyCost(length))
        || !frame.expandMemory(src, length)
        || !frame.expandMemory(dest, length)) {
      return Exit.OUT_OF_GAS;
    }
    frame.memory.copyWithin(dest, src, length);
    stack.size -= 3;
    return Exit.CONTINUE;
  }
}
