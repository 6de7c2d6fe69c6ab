package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** MOD (0x06): Unsigned modulo; x % 0 = 0. */
public final class ModOperation {
  public static final int OPCODE = 0x06;
  public static final String MNEMONIC = "MOD";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private ModOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.mod(stack.data, a, a - 4, stack.scratch);
    stack.size--;
  }
}
