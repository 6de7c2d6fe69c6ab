package org.megaeth.rpc.evm;

import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.HaltReason;
import org.megaeth.rpc.json.Json;
import org.megaeth.rpc.json.JsonRpcError;
import org.megaeth.rpc.json.JsonRpcException;

/** A call that did not succeed, as geth reports it. */
public final class CallErrors {
  private CallErrors() {}

  /**
   * A revert: code 3, {@code execution reverted} with the decoded reason when there is one, and the
   * revert data in {@code data} (geth sends {@code "0x"} for none).
   */
  public static JsonRpcException reverted(byte[] output) {
    String message =
        RevertReason.decode(output)
            .map(reason -> "execution reverted: " + reason)
            .orElse("execution reverted");
    return JsonRpcException.withData(
        JsonRpcError.EXECUTION_REVERTED, message, Json.text(Hex.encode(output)));
  }

  /** The error of an unsuccessful execution: a revert, or geth's words for a halt. */
  public static JsonRpcException failed(CallOutcome.Executed outcome) {
    if (outcome.reverted()) {
      return reverted(outcome.output());
    }
    return JsonRpcException.server(haltMessage(outcome.halt().orElseThrow()));
  }

  /** geth's messages for the EVM's exceptional halts ({@code core/vm/errors.go}). */
  public static String haltMessage(HaltReason reason) {
    return switch (reason) {
      case OUT_OF_GAS -> "out of gas";
      case INVALID_OPCODE -> "invalid opcode";
      case STACK_UNDERFLOW -> "stack underflow";
      case STACK_OVERFLOW -> "stack limit reached 1024";
      case INVALID_JUMP -> "invalid jump destination";
      case STATIC_CALL_VIOLATION -> "write protection";
      case RETURN_DATA_OUT_OF_BOUNDS -> "return data out of bounds";
      case INITCODE_SIZE_EXCEEDED -> "max initcode size exceeded";
      case CODE_SIZE_EXCEEDED -> "max code size exceeded";
      case INVALID_CODE_PREFIX -> "invalid code: must not begin with 0xef";
      case CREATE_COLLISION -> "contract address collision";
      case PRECOMPILE_FAILURE -> "precompiled contract failed";
    };
  }
}
