package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;

/** POP (0x50): Drops the top word. */
public final class PopOperation {
  public static final int OPCODE = 0x50;
  public static final String MNEMONIC = "POP";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 0;

  private PopOperation() {}

  public static void execute(Stack stack) {
    stack.size--;
  }
}
