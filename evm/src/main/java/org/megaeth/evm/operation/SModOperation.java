package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SMOD (0x07): Signed modulo, sign of the dividend; x % 0 = 0. */
public final class SModOperation {
  public static final int OPCODE = 0x07;
  public static final String MNEMONIC = "SMOD";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SModOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.smod(stack.data, a, a - 4, stack.scratch);
    stack.size--;
  }
}
