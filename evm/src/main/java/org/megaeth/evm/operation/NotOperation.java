package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** NOT (0x19): Bitwise not. */
public final class NotOperation {
  public static final int OPCODE = 0x19;
  public static final String MNEMONIC = "NOT";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private NotOperation() {}

  public static void execute(Stack stack) {
    Limbs.not(stack.data, stack.top());
  }
}
