package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** BLOBBASEFEE (0x4a): The block's blob base fee (EIP-7516). */
public final class BlobBaseFeeOperation {
  public static final int OPCODE = 0x4a;
  public static final String MNEMONIC = "BLOBBASEFEE";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private BlobBaseFeeOperation() {}

  public static int execute(Frame frame) {
    frame.stack.push(frame.env.block.blobBaseFee());
    return Exit.CONTINUE;
  }
}
