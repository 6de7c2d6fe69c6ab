package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** SELFBALANCE (0x47): The executing account's balance (EIP-1884). */
public final class SelfBalanceOperation {
  public static final int OPCODE = 0x47;
  public static final String MNEMONIC = "SELFBALANCE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private SelfBalanceOperation() {}

  public static int execute(Frame frame) {
    frame.stack.push(frame.env.world.getBalance(frame.ctx.address()));
    return Exit.CONTINUE;
  }
}
