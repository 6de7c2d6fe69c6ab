package org.megaeth.benchmarks.evm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;

/**
 * Just enough of the Solidity ABI for the benchmark calls: static words ({@link Address}, {@link
 * UInt256}, {@code long}) and one level of dynamic {@code address[]}.
 */
final class Abi {
  private Abi() {}

  /** {@code selector(signature) || encode(args)}. */
  static byte[] call(String signature, Object... args) {
    byte[] selector = selector(signature);
    byte[] body = encode(args);
    byte[] out = Arrays.copyOf(selector, 4 + body.length);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  static byte[] selector(String signature) {
    return Arrays.copyOf(Keccak.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  /** The head/tail encoding of a tuple of {@code args}. */
  static byte[] encode(Object... args) {
    List<byte[]> tails = new ArrayList<>();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    long tailOffset = 32L * args.length;
    for (Object arg : args) {
      if (arg instanceof Address[] array) {
        head.writeBytes(word(UInt256.valueOf(tailOffset)));
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        tail.writeBytes(word(UInt256.valueOf(array.length)));
        for (Address a : array) {
          tail.writeBytes(word(a));
        }
        tails.add(tail.toByteArray());
        tailOffset += tail.size();
      } else {
        head.writeBytes(word(arg));
      }
    }
    tails.forEach(head::writeBytes);
    return head.toByteArray();
  }

  static byte[] word(Object value) {
    byte[] w = new byte[32];
    switch (value) {
      case Address a -> a.copyTo(w, 12);
      case UInt256 u -> u.writeTo(w, 0);
      case Long l -> UInt256.valueOf(l).writeTo(w, 0);
      case Integer i -> UInt256.valueOf(i).writeTo(w, 0);
      default -> throw new IllegalArgumentException("unsupported ABI value " + value);
    }
    return w;
  }

  static UInt256 uint(byte[] output, int index) {
    return UInt256.fromBytes(output, 32 * index, 32);
  }

  static Address address(byte[] output, int index) {
    return Address.fromWord(output, 32 * index);
  }
}
