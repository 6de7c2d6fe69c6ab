package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** BASEFEE (0x48): The block's base fee (EIP-3198). */
public final class BaseFeeOperation {
  public static final int OPCODE = 0x48;
  public static final String MNEMONIC = "BASEFEE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private BaseFeeOperation() {}

  public static int execute(Frame frame) {
    frame.stack.push(frame.env.block.baseFee());
    return Exit.CONTINUE;
  }
}
