package org.megaeth.evm.operation;

import org.megaeth.core.types.UInt256;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;
import org.megaeth.evm.frame.PendingMessage;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/**
 * The part CREATE and CREATE2 share: pop the arguments, enforce the EIP-3860 init code limit,
 * charge memory, init code words (EIP-3860) and, for CREATE2, hashing (EIP-1014), forward all but
 * 1/64 of the gas (EIP-150), and hand the creation to the {@link
 * org.megaeth.evm.frame.FrameRunner}.
 */
final class CreateSupport {
  private CreateSupport() {}

  static int prepare(Frame frame, MessageKind kind) {
    if (frame.ctx.isStatic()) {
      return Exit.STATIC_CALL_VIOLATION;
    }
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    UInt256 value = Words.toUInt256(s, a);
    long offset = Limbs.toLongSaturated(s, a - 4);
    long length = Limbs.toLongSaturated(s, a - 8);
    UInt256 salt = kind == MessageKind.CREATE2 ? Words.toUInt256(s, a - 12) : null;
    stack.size -= kind == MessageKind.CREATE2 ? 4 : 3;

    if (length > frame.env.spec.maxInitCodeSize()) {
      return Exit.INITCODE_SIZE_EXCEEDED;
    }
    long cost = Gas.initCodeCost(length);
    if (kind == MessageKind.CREATE2) {
      cost = Gas.add(cost, Gas.keccakWordCost(length));
    }
    if (!frame.expandMemory(offset, length) || !frame.charge(cost)) {
      return Exit.OUT_OF_GAS;
    }
    long childGas = Gas.allButOne64th(frame.gas);
    frame.gas -= childGas;

    PendingMessage p = frame.pending;
    p.kind = kind;
    p.target = null;
    p.value = value;
    p.transfersValue = true;
    p.input = frame.memory.slice(offset, length);
    p.gas = childGas;
    p.salt = salt;
    p.returnOffset = 0;
    p.returnSize = 0;
    return Exit.SUSPEND;
  }
}
