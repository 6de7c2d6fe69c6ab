package org.megaeth.evm.precompile;

import java.util.Arrays;
import org.megaeth.evm.gas.Gas;

/** Small helpers shared by the precompiles. */
final class PrecompileSupport {
  private PrecompileSupport() {}

  /** {@code base + perWord * words(length)}, saturating. */
  static long linearCost(long base, long perWord, long length) {
    return Gas.add(base, Gas.mul(perWord, Gas.words(length)));
  }

  /** The input right-padded with zeros (or truncated) to {@code length}. */
  static byte[] padded(byte[] input, int length) {
    return input.length == length ? input : Arrays.copyOf(input, length);
  }

  /** {@code bytes} left-padded with zeros to 32 bytes. */
  static byte[] leftPad32(byte[] bytes) {
    byte[] out = new byte[32];
    System.arraycopy(bytes, 0, out, 32 - bytes.length, bytes.length);
    return out;
  }
}
