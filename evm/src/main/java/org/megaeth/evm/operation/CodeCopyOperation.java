package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;

/** CODECOPY (0x39): Copies the running code to memory, zero-padded. */
public final class CodeCopyOperation {
  public static final int OPCODE = 0x39;
  public static final String MNEMONIC = "CODECOPY";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 0;

  private CodeCopyOperation() {}

  public static int execute(Frame frame) {
    return Words.copyToMemory(frame, frame.ctx.code().bytes());
  }
}
