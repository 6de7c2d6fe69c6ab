package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** ADDMOD (0x08): (a + b) % n without overflow; n = 0 gives 0. */
public final class AddModOperation {
  public static final int OPCODE = 0x08;
  public static final String MNEMONIC = "ADDMOD";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 1;

  private AddModOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.addMod(stack.data, a, a - 4, a - 8, stack.scratch);
    stack.size -= 2;
  }
}
