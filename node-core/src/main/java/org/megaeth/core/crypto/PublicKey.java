package org.megaeth.core.crypto;

import java.util.Arrays;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.Hex;

/** An uncompressed secp256k1 public key: x || y, 64 bytes, no 0x04 prefix. */
public final class PublicKey {
  private final byte[] value;

  private PublicKey(byte[] value) {
    this.value = value;
  }

  public static PublicKey of(byte[] xy) {
    if (xy.length == 65 && xy[0] == 4) {
      return new PublicKey(Arrays.copyOfRange(xy, 1, 65));
    }
    if (xy.length != 64) {
      throw new IllegalArgumentException("a public key is 64 bytes (x || y), got " + xy.length);
    }
    return new PublicKey(xy.clone());
  }

  /** The account address: the last 20 bytes of keccak256(x || y). */
  public Address toAddress() {
    return Address.fromWord(Keccak.keccak256(value), 0);
  }

  public byte[] toArray() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey k && Arrays.equals(value, k.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return Hex.encode(value);
  }
}
