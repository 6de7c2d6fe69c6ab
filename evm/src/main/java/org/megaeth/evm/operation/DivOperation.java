package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** DIV (0x04): Unsigned division; x / 0 = 0. */
public final class DivOperation {
  public static final int OPCODE = 0x04;
  public static final String MNEMONIC = "DIV";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private DivOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.div(stack.data, a, a - 4, stack.scratch);
    stack.size--;
  }
}
