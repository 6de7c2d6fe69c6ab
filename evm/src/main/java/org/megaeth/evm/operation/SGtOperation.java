package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SGT (0x13): Signed greater-than. */
public final class SGtOperation {
  public static final int OPCODE = 0x13;
  public static final String MNEMONIC = "SGT";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SGtOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.sgt(stack.data, a, a - 4);
    stack.size--;
  }
}
