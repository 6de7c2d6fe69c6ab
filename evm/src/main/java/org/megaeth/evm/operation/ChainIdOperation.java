package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** CHAINID (0x46): The chain id (EIP-1344). */
public final class ChainIdOperation {
  public static final int OPCODE = 0x46;
  public static final String MNEMONIC = "CHAINID";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private ChainIdOperation() {}

  public static int execute(Frame frame) {
    frame.stack.pushLong(frame.env.block.chainId());
    return Exit.CONTINUE;
  }
}
