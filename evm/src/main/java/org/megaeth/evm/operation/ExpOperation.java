package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/** EXP (0x0a): Exponentiation modulo 2^256; 50 gas per exponent byte (EIP-160). */
public final class ExpOperation {
  public static final int OPCODE = 0x0a;
  public static final String MNEMONIC = "EXP";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 1;

  private ExpOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    if (!frame.charge(Gas.expCost(Limbs.byteLength(stack.data, a - 4)))) {
      return Exit.OUT_OF_GAS;
    }
    Limbs.exp(stack.data, a, a - 4, stack.scratch);
    stack.size--;
    return Exit.CONTINUE;
  }
}
