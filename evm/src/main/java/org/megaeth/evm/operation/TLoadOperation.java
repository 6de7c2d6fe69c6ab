package org.megaeth.evm.operation;

import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;

/** TLOAD (0x5c): Reads transient storage (EIP-1153). */
public final class TLoadOperation {
  public static final int OPCODE = 0x5c;
  public static final String MNEMONIC = "TLOAD";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private TLoadOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    UInt256 key = Words.toUInt256(stack.data, a);
    Words.set(stack.data, a, frame.env.world.getTransientStorage(frame.ctx.address(), key));
    return Exit.CONTINUE;
  }
}
