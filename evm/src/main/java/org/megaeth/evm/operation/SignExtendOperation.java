package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SIGNEXTEND (0x0b): Extends the sign of byte b (0 = least significant) of x. */
public final class SignExtendOperation {
  public static final int OPCODE = 0x0b;
  public static final String MNEMONIC = "SIGNEXTEND";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SignExtendOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.signExtend(stack.data, a, a - 4);
    stack.size--;
  }
}
