package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** CALLVALUE (0x34): The value passed with the call. */
public final class CallValueOperation {
  public static final int OPCODE = 0x34;
  public static final String MNEMONIC = "CALLVALUE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private CallValueOperation() {}

  public static int execute(Frame frame) {
    frame.stack.push(frame.ctx.value());
    return Exit.CONTINUE;
  }
}
