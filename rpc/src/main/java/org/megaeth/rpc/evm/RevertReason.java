package org.megaeth.rpc.evm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes revert data as geth's {@code abi.UnpackRevert} does: Solidity's {@code Error(string)} and
 * {@code Panic(uint256)}; anything else (custom errors) has no reason, only data.
 */
public final class RevertReason {
  /** {@code keccak("Error(string)")[:4]}. */
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};

  /** {@code keccak("Panic(uint256)")[:4]}. */
  private static final byte[] PANIC_SELECTOR = {0x4e, 0x48, 0x7b, 0x71};

  /** Solidity's panic codes, in geth's words. */
  private static final Map<Integer, String> PANICS =
      Map.of(
          0x00, "generic panic",
          0x01, "assert(false)",
          0x11, "arithmetic underflow or overflow",
          0x12, "division or modulo by zero",
          0x21, "enum overflow",
          0x22, "invalid encoded storage byte array accessed",
          0x31, "out-of-bounds array access; popping on an empty array",
          0x32, "out-of-bounds access of an array or bytesN",
          0x41, "out of memory",
          0x51, "uninitialized function");

  private RevertReason() {}

  public static Optional<String> decode(byte[] data) {
    if (data.length < 4) {
      return Optional.empty();
    }
    byte[] selector = Arrays.copyOf(data, 4);
    if (Arrays.equals(selector, ERROR_SELECTOR)) {
      return errorString(data);
    }
    if (Arrays.equals(selector, PANIC_SELECTOR) && data.length == 36) {
      BigInteger code = new BigInteger(1, Arrays.copyOfRange(data, 4, 36));
      String reason = code.bitLength() < 31 ? PANICS.get(code.intValue()) : null;
      return Optional.of(reason != null ? reason : "unknown panic code: 0x" + code.toString(16));
    }
    return Optional.empty();
  }

  /** ABI {@code (string)}: a 32-byte offset, at it a 32-byte length, then the bytes. */
  private static Optional<String> errorString(byte[] data) {
    int body = 4;
    if (data.length < body + 64) {
      return Optional.empty();
    }
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(data, body, body + 32));
    if (offset.bitLength() > 31 || body + offset.intValue() + 32 > data.length) {
      return Optional.empty();
    }
    int lengthAt = body + offset.intValue();
    BigInteger length = new BigInteger(1, Arrays.copyOfRange(data, lengthAt, lengthAt + 32));
    if (length.bitLength() > 31 || lengthAt + 32 + length.intValue() > data.length) {
      return Optional.empty();
    }
    int start = lengthAt + 32;
    return Optional.of(new String(data, start, length.intValue(), StandardCharsets.UTF_8));
  }
}
