package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;

/** CALLCODE (0xf2): Runs another account's code on this account's state. */
public final class CallCodeOperation {
  public static final int OPCODE = 0xf2;
  public static final String MNEMONIC = "CALLCODE";
  public static final int STACK_IN = 7;
  public static final int STACK_OUT = 1;

  private CallCodeOperation() {}

  public static int execute(Frame frame) {
    return CallSupport.prepare(frame, MessageKind.CALLCODE);
  }
}
