package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** ADD (0x01): Wrapping addition. */
public final class AddOperation {
  public static final int OPCODE = 0x01;
  public static final String MNEMONIC = "ADD";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private AddOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.add(stack.data, a, a - 4);
    stack.size--;
  }
}
