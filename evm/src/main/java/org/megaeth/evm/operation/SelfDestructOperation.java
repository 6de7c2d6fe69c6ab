package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.state.WorldState;

/**
 * SELFDESTRUCT (0xff): Sends the balance to a beneficiary; deletes the account only if created in
 * this transaction (EIP-6780).
 */
public final class SelfDestructOperation {
  public static final int OPCODE = 0xff;
  public static final String MNEMONIC = "SELFDESTRUCT";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 0;

  private SelfDestructOperation() {}

  public static int execute(Frame frame) {
    if (frame.ctx.isStatic()) {
      return Exit.STATIC_CALL_VIOLATION;
    }
    Stack stack = frame.stack;
    Address beneficiary = Words.toAddress(stack.data, stack.top());
    stack.size--;
    Address self = frame.ctx.address();
    WorldState world = frame.env.world;
    if (!frame.charge(frame.env.substate.warmAddress(beneficiary) ? Gas.COLD_ACCOUNT_ACCESS : 0)) {
      return Exit.OUT_OF_GAS;
    }
    UInt256 balance = world.getBalance(self);
    if (!balance.isZero()
        && world.isEmpty(beneficiary)
        && !frame.charge(Gas.SELFDESTRUCT_NEW_ACCOUNT)) {
      return Exit.OUT_OF_GAS;
    }
    world.subtractBalance(self, balance);
    world.addBalance(beneficiary, balance);
    if (frame.env.substate.wasCreated(self)) {
      // EIP-6780: only an account created in this transaction is destroyed; its balance is gone
      // at once, even when it named itself as the beneficiary.
      world.setBalance(self, UInt256.ZERO);
      frame.env.substate.addSelfDestruct(self);
    }
    return Exit.SELFDESTRUCT;
  }
}
