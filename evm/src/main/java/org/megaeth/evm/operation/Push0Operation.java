package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;

/** PUSH0 (0x5f): Pushes 0 (EIP-3855). */
public final class Push0Operation {
  public static final int OPCODE = 0x5f;
  public static final String MNEMONIC = "PUSH0";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private Push0Operation() {}

  public static void execute(Stack stack) {
    stack.pushZero();
  }
}
