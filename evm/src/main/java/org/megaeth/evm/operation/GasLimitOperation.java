package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** GASLIMIT (0x45): The block's gas limit. */
public final class GasLimitOperation {
  public static final int OPCODE = 0x45;
  public static final String MNEMONIC = "GASLIMIT";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private GasLimitOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.env.block.gasLimit());
    return Exit.CONTINUE;
  }
}
