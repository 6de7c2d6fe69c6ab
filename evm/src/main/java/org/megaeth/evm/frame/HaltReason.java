package org.megaeth.evm.frame;

/** Why a frame halted exceptionally; every one consumes all the frame's gas. */
public enum HaltReason {
  OUT_OF_GAS,
  INVALID_OPCODE,
  STACK_UNDERFLOW,
  STACK_OVERFLOW,
  INVALID_JUMP,
  /** A state change inside STATICCALL (EIP-214). */
  STATIC_CALL_VIOLATION,
  /** RETURNDATACOPY past the end of the return data (EIP-211). */
  RETURN_DATA_OUT_OF_BOUNDS,
  /** CREATE/CREATE2 init code above the EIP-3860 limit. */
  INITCODE_SIZE_EXCEEDED,
  /** Deployed code above the EIP-170 limit. */
  CODE_SIZE_EXCEEDED,
  /** Deployed code starting with 0xEF (EIP-3541). */
  INVALID_CODE_PREFIX,
  /** The new contract's address already has code, a nonce or storage (EIP-684, EIP-7610). */
  CREATE_COLLISION,
  /** A precompile rejected its input. */
  PRECOMPILE_FAILURE
}
