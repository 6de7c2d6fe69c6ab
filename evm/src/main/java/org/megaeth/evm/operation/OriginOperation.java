package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** ORIGIN (0x32): The transaction's sender. */
public final class OriginOperation {
  public static final int OPCODE = 0x32;
  public static final String MNEMONIC = "ORIGIN";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private OriginOperation() {}

  public static int execute(Frame frame) {
    Words.pushAddress(frame.stack, frame.env.tx.origin());
    return Exit.CONTINUE;
  }
}
