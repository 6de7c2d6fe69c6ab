package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** ISZERO (0x15): 1 when zero, else 0. */
public final class IsZeroOperation {
  public static final int OPCODE = 0x15;
  public static final String MNEMONIC = "ISZERO";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private IsZeroOperation() {}

  public static void execute(Stack stack) {
    Limbs.isZeroOp(stack.data, stack.top());
  }
}
