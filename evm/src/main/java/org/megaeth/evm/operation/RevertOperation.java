package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** REVERT (0xfd): Stops, undoing the frame's changes and returning a memory range (EIP-140). */
public final class RevertOperation {
  public static final int OPCODE = 0xfd;
  public static final String MNEMONIC = "REVERT";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private RevertOperation() {}

  public static int execute(Frame frame) {
    return Words.output(frame) ? Exit.REVERT : Exit.OUT_OF_GAS;
  }
}
