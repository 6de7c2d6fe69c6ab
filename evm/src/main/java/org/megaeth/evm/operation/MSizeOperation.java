package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** MSIZE (0x59): The active memory size in bytes. */
public final class MSizeOperation {
  public static final int OPCODE = 0x59;
  public static final String MNEMONIC = "MSIZE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private MSizeOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.memory.size());
    return Exit.CONTINUE;
  }
}
