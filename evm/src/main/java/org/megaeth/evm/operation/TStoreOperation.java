package org.megaeth.evm.operation;

import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;

/** TSTORE (0x5d): Writes transient storage (EIP-1153); forbidden in a static context. */
public final class TStoreOperation {
  public static final int OPCODE = 0x5d;
  public static final String MNEMONIC = "TSTORE";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private TStoreOperation() {}

  public static int execute(Frame frame) {
    if (frame.ctx.isStatic()) {
      return Exit.STATIC_CALL_VIOLATION;
    }
    Stack stack = frame.stack;
    int a = stack.top();
    UInt256 key = Words.toUInt256(stack.data, a);
    UInt256 value = Words.toUInt256(stack.data, a - 4);
    frame.env.world.setTransientStorage(frame.ctx.address(), key, value);
    stack.size -= 2;
    return Exit.CONTINUE;
  }
}
