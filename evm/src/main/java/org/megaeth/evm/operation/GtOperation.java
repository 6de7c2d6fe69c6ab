package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** GT (0x11): Unsigned greater-than. */
public final class GtOperation {
  public static final int OPCODE = 0x11;
  public static final String MNEMONIC = "GT";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private GtOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.gt(stack.data, a, a - 4);
    stack.size--;
  }
}
