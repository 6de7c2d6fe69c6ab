package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** MULMOD (0x09): (a * b) % n over the full 512-bit product; n = 0 gives 0. */
public final class MulModOperation {
  public static final int OPCODE = 0x09;
  public static final String MNEMONIC = "MULMOD";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 1;

  private MulModOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.mulMod(stack.data, a, a - 4, a - 8, stack.scratch);
    stack.size -= 2;
  }
}
