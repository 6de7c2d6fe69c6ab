package org.megaeth.evm.frame;

import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * What a CALL* or CREATE* instruction asks the {@link FrameRunner} to start, filled in by the
 * operation before it returns {@link Exit#SUSPEND}. One per frame, reused.
 */
public final class PendingMessage {
  public MessageKind kind;

  /** Callee (CALL*); unused for creations. */
  public Address target;

  /** Value transferred (CALL, CALLCODE, CREATE*) or passed on (DELEGATECALL). */
  public UInt256 value;

  /** Whether value moves (CALL, CALLCODE with value, CREATE*). */
  public boolean transfersValue;

  public byte[] input;

  /** Gas handed to the child, stipend included. */
  public long gas;

  /** CREATE2 salt. */
  public UInt256 salt;

  /** Where the caller wants the output (CALL*). */
  public long returnOffset;

  public long returnSize;
}
