package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SAR (0x1d): Arithmetic shift right (EIP-145). */
public final class SarOperation {
  public static final int OPCODE = 0x1d;
  public static final String MNEMONIC = "SAR";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SarOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.sar(stack.data, a, a - 4);
    stack.size--;
  }
}
