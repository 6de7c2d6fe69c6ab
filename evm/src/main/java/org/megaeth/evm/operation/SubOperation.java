package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SUB (0x03): Wrapping subtraction: top minus second. */
public final class SubOperation {
  public static final int OPCODE = 0x03;
  public static final String MNEMONIC = "SUB";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SubOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.sub(stack.data, a, a - 4);
    stack.size--;
  }
}
