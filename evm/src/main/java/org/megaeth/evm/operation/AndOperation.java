package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** AND (0x16): Bitwise and. */
public final class AndOperation {
  public static final int OPCODE = 0x16;
  public static final String MNEMONIC = "AND";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private AndOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.and(stack.data, a, a - 4);
    stack.size--;
  }
}
