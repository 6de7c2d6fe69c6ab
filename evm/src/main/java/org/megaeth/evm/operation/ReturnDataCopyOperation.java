package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/**
 * RETURNDATACOPY (0x3e): Copies the last child's output to memory; reading past its end halts
 * (EIP-211).
 */
public final class ReturnDataCopyOperation {
  public static final int OPCODE = 0x3e;
  public static final String MNEMONIC = "RETURNDATACOPY";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 0;

  private ReturnDataCopyOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    long offset = Limbs.toLongSaturated(s, a - 4);
    long length = Limbs.toLongSaturated(s, a - 8);
    long end = offset + length;
    if (offset == Long.MAX_VALUE || length == Long.MAX_VALUE || end > frame.returnData.length) {
      return Exit.RETURN_DATA_OUT_OF_BOUNDS;
    }
    return Words.copyToMemory(frame, frame.returnData);
  }
}
