package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;

/** PREVRANDAO (0x44): The beacon randomness (EIP-4399; DIFFICULTY before Paris). */
public final class PrevRandaoOperation {
  public static final int OPCODE = 0x44;
  public static final String MNEMONIC = "PREVRANDAO";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 1;

  private PrevRandaoOperation() {}

  public static int execute(Frame frame) {
    Words.pushHash(frame.stack, frame.env.block.prevRandao());
    return Exit.CONTINUE;
  }
}
