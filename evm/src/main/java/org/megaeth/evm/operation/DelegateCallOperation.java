package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;

/** DELEGATECALL (0xf4): Runs another account's code with this frame's caller and value (EIP-7). */
public final class DelegateCallOperation {
  public static final int OPCODE = 0xf4;
  public static final String MNEMONIC = "DELEGATECALL";
  public static final int STACK_IN = 6;
  public static final int STACK_OUT = 1;

  private DelegateCallOperation() {}

  public static int execute(Frame frame) {
    return CallSupport.prepare(frame, MessageKind.DELEGATECALL);
  }
}
