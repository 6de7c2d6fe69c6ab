package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;

/** CALL (0xf1): Calls an account, possibly with value. */
public final class CallOperation {
  public static final int OPCODE = 0xf1;
  public static final String MNEMONIC = "CALL";
  public static final int STACK_IN = 7;
  public static final int STACK_OUT = 1;

  private CallOperation() {}

  public static int execute(Frame frame) {
    return CallSupport.prepare(frame, MessageKind.CALL);
  }
}
