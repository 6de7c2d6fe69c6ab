package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** CALLDATASIZE (0x36): The call data's length. */
public final class CallDataSizeOperation {
  public static final int OPCODE = 0x36;
  public static final String MNEMONIC = "CALLDATASIZE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private CallDataSizeOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.ctx.input().length);
    return Exit.CONTINUE;
  }
}
