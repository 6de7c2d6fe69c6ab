package org.megaeth.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;

/**
 * A secp256k1 private key. Its {@code toString} never shows the key, so it cannot leak into a log
 * line by accident; {@link #toHexString()} is the deliberate way to print it.
 */
public final class SecretKey {
  private final byte[] value;

  private SecretKey(byte[] value) {
    this.value = value;
  }

  /** A key from 32 bytes; must be in [1, n-1]. */
  public static SecretKey of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a private key is 32 bytes, got " + bytes.length);
    }
    UInt256 k = UInt256.fromBytes(bytes);
    if (k.isZero() || k.compareTo(Secp256k1.CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("private key out of range [1, n-1]");
    }
    return new SecretKey(bytes.clone());
  }

  public static SecretKey fromHex(String hex) {
    return of(Hex.decodeExact(hex, 32));
  }

  public static SecretKey random(SecureRandom random) {
    while (true) {
      byte[] candidate = new byte[32];
      random.nextBytes(candidate);
      BigInteger k = new BigInteger(1, candidate);
      if (k.signum() > 0 && k.compareTo(Secp256k1.CURVE_ORDER.toBigInteger()) < 0) {
        return new SecretKey(candidate);
      }
    }
  }

  public byte[] toArray() {
    return value.clone();
  }

  public String toHexString() {
    return Hex.encode(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretKey k && Arrays.equals(value, k.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "SecretKey[redacted]";
  }
}
