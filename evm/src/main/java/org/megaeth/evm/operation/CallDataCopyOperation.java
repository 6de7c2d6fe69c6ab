package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;

/** CALLDATACOPY (0x37): Copies call data to memory, zero-padded. */
public final class CallDataCopyOperation {
  public static final int OPCODE = 0x37;
  public static final String MNEMONIC = "CALLDATACOPY";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 0;

  private CallDataCopyOperation() {}

  public static int execute(Frame frame) {
    return Words.copyToMemory(frame, frame.ctx.input());
  }
}
