package org.megaeth.evm.operation;

import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.code.Delegation;
import org.megaeth.evm.frame.Exit;
import org.megaeth.evm.frame.Frame;
import org.megaeth.evm.frame.MessageKind;
import org.megaeth.evm.frame.PendingMessage;
import org.megaeth.evm.frame.Stack;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.word.Limbs;

/**
 * The part CALL, CALLCODE, DELEGATECALL and STATICCALL share: pop the arguments, charge memory,
 * cold access (EIP-2929), delegate access (EIP-7702), value transfer and new-account costs, apply
 * the 63/64 rule (EIP-150) and hand the message to the {@link org.megaeth.evm.frame.FrameRunner},
 * which pushes the result.
 */
final class CallSupport {
  private CallSupport() {}

  static int prepare(Frame frame, MessageKind kind) {
    Stack stack = frame.stack;
    long[] s = stack.data;
    int a = stack.top();
    boolean hasValueArg = kind == MessageKind.CALL || kind == MessageKind.CALLCODE;
    long requestedGas = Limbs.toLongSaturated(s, a);
    Address target = Words.toAddress(s, a - 4);
    int next = a - 8;
    UInt256 value = UInt256.ZERO;
    if (hasValueArg) {
      value = Words.toUInt256(s, next);
      next -= 4;
    }
    long argsOffset = Limbs.toLongSaturated(s, next);
    long argsLength = Limbs.toLongSaturated(s, next - 4);
    long retOffset = Limbs.toLongSaturated(s, next - 8);
    long retLength = Limbs.toLongSaturated(s, next - 12);
    stack.size -= hasValueArg ? 7 : 6;

    boolean transfersValue = hasValueArg && !value.isZero();
    if (kind == MessageKind.CALL && transfersValue && frame.ctx.isStatic()) {
      return Exit.STATIC_CALL_VIOLATION; // EIP-214
    }
    if (!frame.expandMemory(argsOffset, argsLength) || !frame.expandMemory(retOffset, retLength)) {
      return Exit.OUT_OF_GAS;
    }
    boolean cold = frame.env.substate.warmAddress(target);
    long cost = Gas.coldAccountSurcharge(cold);
    if (frame.env.spec.isAtLeast(Fork.PRAGUE)) {
      // EIP-7702: resolving a delegation reads the delegate, at the full warm or cold price.
      Address delegate = Delegation.target(frame.env.world.getCode(target));
      if (delegate != null) {
        cost += Gas.accountAccessCost(frame.env.substate.warmAddress(delegate));
      }
    }
    if (transfersValue) {
      cost += Gas.CALL_VALUE;
      if (kind == MessageKind.CALL && frame.env.world.isEmpty(target)) {
        cost += Gas.NEW_ACCOUNT; // EIP-161: only value sent to an empty account creates one
      }
    }
    if (!frame.charge(cost)) {
      return Exit.OUT_OF_GAS;
    }
    long childGas = Gas.callGas(requestedGas, frame.gas);
    frame.gas -= childGas;
    if (transfersValue) {
      childGas += Gas.CALL_STIPEND;
    }

    PendingMessage p = frame.pending;
    p.kind = kind;
    p.target = target;
    p.value = kind == MessageKind.DELEGATECALL ? frame.ctx.value() : value;
    p.transfersValue = transfersValue;
    p.input = frame.memory.slice(argsOffset, argsLength);
    p.gas = childGas;
    p.salt = null;
    p.returnOffset = retOffset;
    p.returnSize = retLength;
    return Exit.SUSPEND;
  }
}
