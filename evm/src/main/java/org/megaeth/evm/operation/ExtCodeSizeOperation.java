package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/** EXTCODESIZE (0x3b): An account's code length; cold accounts cost 2600 (EIP-2929). */
public final class ExtCodeSizeOperation {
  public static final int OPCODE = 0x3b;
  public static final String MNEMONIC = "EXTCODESIZE";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private ExtCodeSizeOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    Address address = Words.toAddress(stack.data, a);
    if (!frame.charge(Gas.coldAccountSurcharge(frame.env.substate.warmAddress(address)))) {
      return Exit.OUT_OF_GAS;
    }
    Limbs.setLong(stack.data, a, frame.env.world.getCode(address).length);
    return Exit.CONTINUE;
  }
}
