package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SLT (0x12): Signed less-than. */
public final class SLtOperation {
  public static final int OPCODE = 0x12;
  public static final String MNEMONIC = "SLT";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SLtOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.slt(stack.data, a, a - 4);
    stack.size--;
  }
}
