package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** XOR (0x18): Bitwise xor. */
public final class XorOperation {
  public static final int OPCODE = 0x18;
  public static final String MNEMONIC = "XOR";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private XorOperation() {}

  public static void execute(Stack stack) {
    int a = stack.top();
    Limbs.xor(stack.data, a, a - 4);
    stack.size--;
  }
}
