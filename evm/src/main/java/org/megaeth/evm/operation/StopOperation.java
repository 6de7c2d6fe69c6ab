package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;

/** STOP (0x00): ends the frame successfully with no output; also what running off the code does. */
public final class StopOperation {
  public static final int OPCODE = 0x00;
  public static final String MNEMONIC = "STOP";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 0;

  private StopOperation() {}

  public static int execute() {
    return Exit.STOP;
  }
}
