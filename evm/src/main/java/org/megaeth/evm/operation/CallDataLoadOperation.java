package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** CALLDATALOAD (0x35): 32 bytes of call data, zero-padded past its end. */
public final class CallDataLoadOperation {
  public static final int OPCODE = 0x35;
  public static final String MNEMONIC = "CALLDATALOAD";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private CallDataLoadOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    Words.loadPadded(stack, a, frame.ctx.input(), Limbs.toLongSaturated(stack.data, a));
    return Exit.CONTINUE;
  }
}
