package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;

/** BALANCE (0x31): An account's balance; cold accounts cost 2600 (EIP-2929). */
public final class BalanceOperation {
  public static final int OPCODE = 0x31;
  public static final String MNEMONIC = "BALANCE";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private BalanceOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    Address address = Words.toAddress(stack.data, a);
    if (!frame.charge(Gas.coldAccountSurcharge(frame.env.substate.warmAddress(address)))) {
      return Exit.OUT_OF_GAS;
    }
    Words.set(stack.data, a, frame.env.world.getBalance(address));
    return Exit.CONTINUE;
  }
}
