package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** SDIV (0x05): Signed division, truncating; x / 0 = 0. */
public final class SDivOperation {
  public static final int OPCODE = 0x05;
  public static final String MNEMONIC = "SDIV";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private SDivOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.sdiv(stack.data, a, a - 4, stack.scratch);
    stack.size--;
  }
}
