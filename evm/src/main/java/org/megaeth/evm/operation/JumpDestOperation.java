package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Stack;

/** JUMPDEST (0x5b): Marks a jump target; does nothing. */
public final class JumpDestOperation {
  public static final int OPCODE = 0x5b;
  public static final String MNEMONIC = "JUMPDEST";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 0;

  private JumpDestOperation() {}

  public static void execute(Stack stack) {
    // Nothing to do: the analysis in Code found it.
  }
}
