package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** COINBASE (0x41): The block's beneficiary. */
public final class CoinbaseOperation {
  public static final int OPCODE = 0x41;
  public static final String MNEMONIC = "COINBASE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private CoinbaseOperation() {}

  public static int execute(Frame frame) {
    Words.pushAddress(frame.stack, frame.env.block.coinbase());
    return Exit.CONTINUE;
  }
}
