package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;

/** EXTCODECOPY (0x3c): Copies an account's code to memory; cold accounts cost 2600 (EIP-2929). */
public final class ExtCodeCopyOperation {
  public static final int OPCODE = 0x3c;
  public static final String MNEMONIC = "EXTCODECOPY";
  public static final int STACK_IN = 4;
  public static final int STACK_OUT = 0;

  private ExtCodeCopyOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    Address address = Words.toAddress(stack.data, a);
    if (!frame.charge(Gas.coldAccountSurcharge(frame.env.substate.warmAddress(address)))) {
      return Exit.OUT_OF_GAS;
    }
    stack.size--;
    return Words.copyToMemory(frame, frame.env.world.getCode(address));
  }
}
