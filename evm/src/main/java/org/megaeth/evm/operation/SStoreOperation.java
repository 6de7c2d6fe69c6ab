package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.gas.SStoreGas;
import org.megaeth.evm.state.WorldState;

/** SSTORE (0x55): Writes storage, priced and refunded by EIP-2200, EIP-2929 and EIP-3529. */
public final class SStoreOperation {
  public static final int OPCODE = 0x55;
  public static final String MNEMONIC = "SSTORE";
  public static final int STACK_IN = 2;
  public static final int STACK_OUT = 0;

  private SStoreOperation() {}

  public static int execute(Frame frame) {
    if (frame.ctx.isStatic()) {
      return Exit.STATIC_CALL_VIOLATION;
    }
    if (frame.gas <= Gas.SSTORE_SENTRY) {
      return Exit.OUT_OF_GAS; // EIP-2200: not with the call stipend alone
    }
    Stack stack = frame.stack;
    int a = stack.top();
    UInt256 key = Words.toUInt256(stack.data, a);
    UInt256 value = Words.toUInt256(stack.data, a - 4);
    Address self = frame.ctx.address();
    WorldState world = frame.env.world;
    boolean cold = frame.env.substate.warmSlot(self, key);
    UInt256 current = world.getStorage(self, key);
    UInt256 original = world.getOriginalStorage(self, key);
    long cost = SStoreGas.cost(original, current, value) + SStoreGas.coldSurcharge(cold);
    if (!frame.charge(cost)) {
      return Exit.OUT_OF_GAS;
    }
    frame.env.substate.addRefund(SStoreGas.refund(original, current, value));
    if (!current.equals(value)) {
      world.setStorage(self, key, value);
    }
    stack.size -= 2;
    return Exit.CONTINUE;
  }
}
