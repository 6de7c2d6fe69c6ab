package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** NUMBER (0x43): The block's number. */
public final class NumberOperation {
  public static final int OPCODE = 0x43;
  public static final String MNEMONIC = "NUMBER";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private NumberOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.env.block.number());
    return Exit.CONTINUE;
  }
}
