package org.megaeth.evm.precompile;

import java.math.BigInteger;
import org.megaeth.core.types.Address;
import org.megaeth.evm.gas.Gas;

/**
 * 0x05 MODEXP (EIP-198): {@code base^exp mod m} on big-endian integers whose lengths head the
 * input. Pricing is a named constant per variant ({@link #BERLIN} is EIP-2565), not a subclass.
 */
public final class ModExpPrecompile implements Precompile {
  public static final Address ADDRESS = Address.ofNumber(5);

  /** EIP-2565 (Berlin) pricing. */
  public static final ModExpPrecompile BERLIN = new ModExpPrecompile(200, 3);

  private static final byte[] EMPTY = new byte[0];

  private final long minGas;
  private final long divisor;

  private ModExpPrecompile(long minGas, long divisor) {
    this.minGas = minGas;
    this.divisor = divisor;
  }

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public long gasCost(byte[] input) {
    long baseLen = length(input, 0);
    long expLen = length(input, 32);
    long modLen = length(input, 64);
    long maxLen = Math.max(baseLen, modLen);
    // EIP-2565 counts 8-byte words here, not the EVM's 32-byte ones.
    long words = maxLen == Long.MAX_VALUE ? maxLen : (maxLen + 7) / 8;
    long complexity = Gas.mul(words, words);
    long iterations = iterationCount(input, baseLen, expLen);
    long gas = Gas.mul(complexity, Math.max(iterations, 1));
    if (gas == Long.MAX_VALUE) {
      return gas;
    }
    return Math.max(minGas, gas / divisor);
  }

  /** EIP-2565 {@code calculate_iteration_count}. */
  private static long iterationCount(byte[] input, long baseLen, long expLen) {
    if (baseLen == Long.MAX_VALUE || expLen == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    int headLen = (int) Math.min(expLen, 32);
    BigInteger head = new BigInteger(1, slice(input, 96 + baseLen, headLen));
    int headBits = head.bitLength();
    if (expLen <= 32) {
      return headBits == 0 ? 0 : headBits - 1;
    }
    return Gas.add(Gas.mul(8, expLen - 32), Math.max(headBits - 1, 0));
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    int baseLen = (int) length(input, 0);
    int expLen = (int) length(input, 32);
    int modLen = (int) length(input, 64);
    if (modLen == 0) {
      return PrecompileResult.success(EMPTY);
    }
    BigInteger base = new BigInteger(1, slice(input, 96, baseLen));
    BigInteger exp = new BigInteger(1, slice(input, 96L + baseLen, expLen));
    BigInteger mod = new BigInteger(1, slice(input, 96L + baseLen + expLen, modLen));
    byte[] out = new byte[modLen];
    if (mod.signum() == 0) {
      return PrecompileResult.success(out);
    }
    byte[] result = base.modPow(exp, mod).toByteArray();
    int copy = Math.min(result.length, modLen);
    System.arraycopy(result, result.length - copy, out, modLen - copy, copy);
    return PrecompileResult.success(out);
  }

  /** A 32-byte length field, saturated to {@link Long#MAX_VALUE} when above 2^31. */
  private static long length(byte[] input, int offset) {
    byte[] field = slice(input, offset, 32);
    for (int i = 0; i < 28; i++) {
      if (field[i] != 0) {
        return Long.MAX_VALUE;
      }
    }
    long v =
        ((field[28] & 0xFFL) << 24)
            | ((field[29] & 0xFFL) << 16)
            | ((field[30] & 0xFFL) << 8)
            | (field[31] & 0xFFL);
    return v > Integer.MAX_VALUE ? Long.MAX_VALUE : v;
  }

  /** {@code length} bytes of {@code input} from {@code offset}, zero-padded past its end. */
  private static byte[] slice(byte[] input, long offset, int length) {
    byte[] out = new byte[length];
    if (offset < input.length) {
      int copy = (int) Math.min(length, input.length - offset);
      System.arraycopy(input, (int) offset, out, 0, copy);
    }
    return out;
  }
}
