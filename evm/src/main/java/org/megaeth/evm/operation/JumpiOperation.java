package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** JUMPI (0x57): Jumps to a JUMPDEST when the condition is non-zero. */
public final class JumpiOperation {
  public static final int OPCODE = 0x57;
  public static final String MNEMONIC = "JUMPI";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private JumpiOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    stack.size -= 2;
    if (Limbs.isZero(s, a - 4)) {
      frame.pc++;
      return Exit.CONTINUE;
    }
    long dest = Limbs.toLongSaturated(s, a);
    if (!frame.ctx.code().isJumpDest(dest)) {
      return Exit.INVALID_JUMP;
    }
    frame.pc = (int) dest;
    return Exit.CONTINUE;
  }
}
