package org.megaeth.evm.frame;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.evm.code.Code;

/**
 * The immutable context a frame runs in: who called whom with what, and on which code.
 *
 * @param kind the instruction (or transaction) that started the frame
 * @param address the account whose storage and balance the frame acts on (ADDRESS)
 * @param caller CALLER
 * @param codeAddress the account the code came from (differs from address for CALLCODE and
 *     DELEGATECALL, and is the delegate when the callee holds an EIP-7702 delegation; for a
 *     creation, the new contract)
 * @param value CALLVALUE (the apparent value for DELEGATECALL)
 * @param input call data; empty for a creation
 * @param code the code to run (init code for a creation)
 * @param isStatic inside a STATICCALL (EIP-214)
 * @param depth 0 for the transaction's own frame
 */
public record CallContext(
    MessageKind kind,
    Address address,
    Address caller,
    Address codeAddress,
    UInt256 value,
    byte[] input,
    Code code,
    boolean isStatic,
    int depth) {}
