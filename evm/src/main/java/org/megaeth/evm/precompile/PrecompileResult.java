package org.megaeth.evm.precompile;

import java.util.Objects;

/** What a precompile returns: output on success, or an exceptional halt (all gas consumed). */
public record PrecompileResult(boolean success, byte[] output) {
  private static final byte[] EMPTY = new byte[0];
  private static final PrecompileResult HALT = new PrecompileResult(false, EMPTY);

  public PrecompileResult {
    Objects.requireNonNull(output, "output");
  }

  public static PrecompileResult success(byte[] output) {
    return new PrecompileResult(true, output);
  }

  /** Invalid input: the call fails and consumes all the gas it was given. */
  public static PrecompileResult halt() {
    return HALT;
  }
}
