package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** EQ (0x14): Equality. */
public final class EqOperation {
  public static final int OPCODE = 0x14;
  public static final String MNEMONIC = "EQ";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private EqOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.eq(stack.data, a, a - 4);
    stack.size--;
  }
}
