package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** GASPRICE (0x3a): The effective gas price. */
public final class GasPriceOperation {
  public static final int OPCODE = 0x3a;
  public static final String MNEMONIC = "GASPRICE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private GasPriceOperation() {}

  public static int execute(Frame frame) {
    frame.stack.push(frame.env.tx.gasPrice());
    return Exit.CONTINUE;
  }
}
