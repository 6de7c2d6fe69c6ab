package org.megaeth.evm.frame;

/**
 * How an operation or the interpreter loop ends, as plain ints so the hot path allocates nothing.
 * Values from {@link #HALT_BASE} on are exceptional halts: {@link #haltReason} names them.
 */
public final class Exit {
  /** Keep going: the operation completed normally. */
  public static final int CONTINUE = 0;

  public static final int STOP = 1;
  public static final int RETURN = 2;
  public static final int REVERT = 3;

  /** SELFDESTRUCT: stops the frame successfully. */
  public static final int SELFDESTRUCT = 4;

  /** The frame asks the runner to start a child message (CALL*, CREATE*). */
  public static final int SUSPEND = 5;

  /**
   * The message did not start (call depth, insufficient balance, nonce overflow): no halt, the gas
   * goes back to the caller.
   */
  public static final int FAILED = 6;

  public static final int HALT_BASE = 16;

  private Exit() {}

  public static int halt(HaltReason reason) {
    return HALT_BASE + reason.ordinal();
  }

  public static boolean isHalt(int exit) {
    return exit >= HALT_BASE;
  }

  public static HaltReason haltReason(int exit) {
    return HaltReason.values()[exit - HALT_BASE];
  }

  public static final int OUT_OF_GAS = halt(HaltReason.OUT_OF_GAS);
  public static final int INVALID_OPCODE = halt(HaltReason.INVALID_OPCODE);
  public static final int STACK_UNDERFLOW = halt(HaltReason.STACK_UNDERFLOW);
  public static final int STACK_OVERFLOW = halt(HaltReason.STACK_OVERFLOW);
  public static final int INVALID_JUMP = halt(HaltReason.INVALID_JUMP);
  public static final int STATIC_CALL_VIOLATION = halt(HaltReason.STATIC_CALL_VIOLATION);
  public static final int RETURN_DATA_OUT_OF_BOUNDS = halt(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
  public static final int INITCODE_SIZE_EXCEEDED = halt(HaltReason.INITCODE_SIZE_EXCEEDED);
}
