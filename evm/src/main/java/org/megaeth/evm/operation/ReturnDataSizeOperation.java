package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** RETURNDATASIZE (0x3d): The last child's output length (EIP-211). */
public final class ReturnDataSizeOperation {
  public static final int OPCODE = 0x3d;
  public static final String MNEMONIC = "RETURNDATASIZE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private ReturnDataSizeOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.returnData.length);
    return Exit.CONTINUE;
  }
}
