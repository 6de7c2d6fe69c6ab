package org.megaeth.evm.operation;

import org.megaeth.evm.frame.Exit;

/**
 * INVALID (0xfe, EIP-141) and every byte that is not an instruction in the fork: halts, consuming
 * all gas.
 */
public final class InvalidOperation {
  public static final int OPCODE = 0xfe;
  public static final String MNEMONIC = "INVALID";
  public static final int STACK_IN = 0;
  public static final int STACK_OUT = 0;

  private InvalidOperation() {}

  public static int execute() {
    return Exit.INVALID_OPCODE;
  }
}
