package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** BLOCKHASH (0x40): The hash of one of the 256 most recent blocks, else 0. */
public final class BlockHashOperation {
  public static final int OPCODE = 0x40;
  public static final String MNEMONIC = "BLOCKHASH";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  /** Only the 256 most recent blocks are visible. */
  public static final long MAX_AGE = 256;

  private BlockHashOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long current = frame.env.block.number();
    if (!Limbs.fitsLong(s, a)) {
      Limbs.setZero(s, a);
      return Exit.CONTINUE;
    }
    long number = s[a];
    if (number >= current || number < current - MAX_AGE) {
      Limbs.setZero(s, a);
    } else {
      Words.set(s, a, frame.env.block.blockHashes().apply(number));
    }
    return Exit.CONTINUE;
  }
}
