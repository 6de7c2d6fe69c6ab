package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** TIMESTAMP (0x42): The block's timestamp. */
public final class TimestampOperation {
  public static final int OPCODE = 0x42;
  public static final String MNEMONIC = "TIMESTAMP";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private TimestampOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.env.block.timestamp());
    return Exit.CONTINUE;
  }
}
