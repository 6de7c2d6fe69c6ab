package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.word.Limbs;

/** JUMP (0x56): Jumps to a JUMPDEST. */
public final class JumpOperation {
  public static final int OPCODE = 0x56;
  public static final String MNEMONIC = "JUMP";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 0;

  private JumpOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    long dest = Limbs.toLongSaturated(stack.data, a);
    if (!frame.ctx.code().isJumpDest(dest)) {
      return Exit.INVALID_JUMP;
    }
    frame.pc = (int) dest;
    stack.size--;
    return Exit.CONTINUE;
  }
}
