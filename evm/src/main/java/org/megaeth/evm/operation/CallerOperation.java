package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** CALLER (0x33): The frame's caller. */
public final class CallerOperation {
  public static final int OPCODE = 0x33;
  public static final String MNEMONIC = "CALLER";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private CallerOperation() {}

  public static int execute(Frame frame) {
    Words.pushAddress(frame.stack, frame.ctx.caller());
    return Exit.CONTINUE;
  }
}
