package org.megaeth.evm.operation;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;

/** SLOAD (0x54): Reads storage; a cold slot costs 2100 (EIP-2929). */
public final class SLoadOperation {
  public static final int OPCODE = 0x54;
  public static final String MNEMONIC = "SLOAD";
  public static final int STACK_IN = 1;
  public static final int STACK_OUT = 1;

  private SLoadOperation() {}

  public static int execute(Frame frame) {
    Stack stack = frame.stack;
    int a = stack.top();
    UInt256 key = Words.toUInt256(stack.data, a);
    Address self = frame.ctx.address();
    boolean cold = frame.env.substate.warmSlot(self, key);
    if (cold && !frame.charge(Gas.COLD_SLOAD - Gas.WARM_STORAGE_READ)) {
      return Exit.OUT_OF_GAS;
    }
    Words.set(stack.data, a, frame.env.world.getStorage(self, key));
    return Exit.CONTINUE;
  }
}
