package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** GAS (0x5a): The gas left after this instruction's cost. */
public final class GasOperation {
  public static final int OPCODE = 0x5a;
  public static final String MNEMONIC = "GAS";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private GasOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.gas);
    return Exit.CONTINUE;
  }
}
