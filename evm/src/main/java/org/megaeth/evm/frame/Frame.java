package org.megaeth.evm.frame;

import org.megaeth.evm.ExecutionContext;

/**
 * One call frame: its {@link Stack}, {@link Memory}, {@link CallContext}, the program counter, the
 * gas left and the return data of its last child. The accrued substate is the transaction's ({@link
 * Substate}, reached through {@link #env}); the {@link FrameRunner} owns the frames and reuses
 * stacks and memories by depth.
 */
public final class Frame {
  private static final byte[] EMPTY = new byte[0];

  public final ExecutionContext env;
  public final CallContext ctx;
  public final Stack stack;
  public final Memory memory;
  public final PendingMessage pending = new PendingMessage();

  public int pc;
  public long gas;

  /** RETURNDATASIZE/RETURNDATACOPY: the output of the last child message (EIP-211). */
  public byte[] returnData = EMPTY;

  /** RETURN/REVERT output. */
  public byte[] output = EMPTY;

  /** World-state snapshot and substate checkpoint taken when the frame started. */
  final int stateSnapshot;

  final int substateCheckpoint;

  public Frame(
      ExecutionContext env,
      CallContext ctx,
      Stack stack,
      Memory memory,
      long gas,
      int stateSnapshot,
      int substateCheckpoint) {
    this.env = env;
    this.ctx = ctx;
    this.stack = stack;
    this.memory = memory;
    this.gas = gas;
    this.stateSnapshot = stateSnapshot;
    this.substateCheckpoint = substateCheckpoint;
  }

  /** Charges {@code cost}; false (and nothing charged) when not enough gas is left. */
  public boolean charge(long cost) {
    if (gas < cost) {
      return false;
    }
    gas -= cost;
    return true;
  }

  /** Charges for growing memory over {@code [offset, offset + length)} and grows it. */
  public boolean expandMemory(long offset, long length) {
    long cost = memory.expansionCost(offset, length);
    if (cost == 0) {
      return true;
    }
    if (gas < cost) {
      return false;
    }
    gas -= cost;
    memory.ensure(offset, length);
    return true;
  }

  public static byte[] emptyBytes() {
    return EMPTY;
  }
}
