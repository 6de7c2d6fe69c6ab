package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** CODESIZE (0x38): The running code's length. */
public final class CodeSizeOperation {
  public static final int OPCODE = 0x38;
  public static final String MNEMONIC = "CODESIZE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private CodeSizeOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.ctx.code().size());
    return Exit.CONTINUE;
  }
}
