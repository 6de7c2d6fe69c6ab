package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** OR (0x17): Bitwise or. */
public final class OrOperation {
  public static final int OPCODE = 0x17;
  public static final String MNEMONIC = "OR";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private OrOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.or(stack.data, a, a - 4);
    stack.size--;
  }
}
