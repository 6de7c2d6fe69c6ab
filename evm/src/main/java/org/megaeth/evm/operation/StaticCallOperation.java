package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;

/** STATICCALL (0xfa): Calls an account forbidding state changes (EIP-214). */
public final class StaticCallOperation {
  public static final int OPCODE = 0xfa;
  public static final String MNEMONIC = "STATICCALL";
  public static final int STACK_IN = 6;
  public static final int STACK_OUT = 1;

  private StaticCallOperation() {}

  public static int execute(Frame frame) {
    return CallSupport.prepare(frame, MessageKind.STATICCALL);
  }
}
