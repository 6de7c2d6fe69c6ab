package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SHL (0x1b): Shift left (EIP-145). */
public final class ShlOperation {
  public static final int OPCODE = 0x1b;
  public static final String MNEMONIC = "SHL";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private ShlOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.shl(stack.data, a, a - 4);
    stack.size--;
  }
}
