package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/**
 * EXTCODEHASH (0x3f): keccak256 of an account's code, 0 for an empty account (EIP-1052, EIP-161).
 */
public final class ExtCodeHashOperation {
  public static final int OPCODE = 0x3f;
  public static final String MNEMONIC = "EXTCODEHASH";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private ExtCodeHashOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    Address address = Words.toAddress(stack.data, a);
    if (!frame.charge(Gas.coldAccountSurcharge(frame.env.substate.warmAddress(address)))) {
      return Exit.OUT_OF_GAS;
    }
    if (frame.env.world.isEmpty(address)) {
      Limbs.setZero(stack.data, a);
    } else {
      Words.set(stack.data, a, frame.env.world.getCodeHash(address));
    }
    return Exit.CONTINUE;
  }
}
