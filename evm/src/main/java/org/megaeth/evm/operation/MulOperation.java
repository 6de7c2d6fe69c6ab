package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** MUL (0x02): Wrapping multiplication. */
public final class MulOperation {
  public static final int OPCODE = 0x02;
  public static final String MNEMONIC = "MUL";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private MulOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.mul(stack.data, a, a - 4, stack.scratch);
    stack.size--;
  }
}
