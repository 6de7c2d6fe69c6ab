package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SHR (0x1c): Logical shift right (EIP-145). */
public final class ShrOperation {
  public static final int OPCODE = 0x1c;
  public static final String MNEMONIC = "SHR";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private ShrOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.shr(stack.data, a, a - 4);
    stack.size--;
  }
}
