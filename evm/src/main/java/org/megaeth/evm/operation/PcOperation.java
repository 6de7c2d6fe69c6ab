package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** PC (0x58): The position of this instruction. */
public final class PcOperation {
  public static final int OPCODE = 0x58;
  public static final String MNEMONIC = "PC";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private PcOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.pc);
    return Exit.CONTINUE;
  }
}
