package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;

/**
 * CREATE2 (0xf5): Creates a contract at keccak256(0xff ++ sender ++ salt ++ keccak256(init code))
 * (EIP-1014).
 */
public final class Create2Operation {
  public static final int OPCODE = 0xf5;
  public static final String MNEMONIC = "CREATE2";
  public static final int STACK_IN = 4;
  public static final int STACK_OUT = 1;

  private Create2Operation() {}

  public static int execute(Frame frame) {
    return CreateSupport.prepare(frame, MessageKind.CREATE2);
  }
}
