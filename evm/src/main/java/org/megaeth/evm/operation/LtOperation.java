package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** LT (0x10): Unsigned less-than. */
public final class LtOperation {
  public static final int OPCODE = 0x10;
  public static final String MNEMONIC = "LT";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private LtOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.lt(stack.data, a, a - 4);
    stack.size--;
  }
}
