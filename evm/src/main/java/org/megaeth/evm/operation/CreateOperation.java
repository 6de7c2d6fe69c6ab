package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;

/** CREATE (0xf0): Creates a contract at keccak256(rlp([sender, nonce])). */
public final class CreateOperation {
  public static final int OPCODE = 0xf0;
  public static final String MNEMONIC = "CREATE";
  public static final int STACK_IN = 3;
  public static final int STACK_OUT = 1;

  private CreateOperation() {}

  public static int execute(Frame frame) {
    return CreateSupport.prepare(frame, MessageKind.CREATE);
  }
}
