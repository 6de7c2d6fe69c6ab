package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** RETURN (0xf3): Stops, returning a memory range. */
public final class ReturnOperation {
  public static final int OPCODE = 0xf3;
  public static final String MNEMONIC = "RETURN";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private ReturnOperation() {}

  public static int execute(Frame frame) {
    return Words.output(frame) ? Exit.RETURN : Exit.OUT_OF_GAS;
  }
}
