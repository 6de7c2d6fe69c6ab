package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** ADDRESS (0x30): The executing account. */
public final class AddressOperation {
  public static final int OPCODE = 0x30;
  public static final String MNEMONIC = "ADDRESS";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private AddressOperation() {}

  public static int execute(Frame frame) {
    Words.pushAddress(frame.stack, frame.ctx.address());
    return Exit.CONTINUE;
  }
}
