package org.megaeth.core.types;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.util.Hex;

/** A 32-byte hash (keccak-256 unless said otherwise). Immutable; equality is by value. */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE = 32;
  public static final Hash ZERO = new Hash(new byte[SIZE]);

  private final byte[] value;

  private Hash(byte[] value) {
    this.value = value;
  }

  /** Takes ownership of {@code bytes} without copying; the caller must not modify it afterwards. */
  public static Hash wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes);
  }

  /** Copies {@code bytes}. */
  public static Hash of(byte[] bytes) {
    return wrap(bytes.clone());
  }

  public static Hash of(Bytes bytes) {
    return wrap(bytes.toArray());
  }

  /** Copies 32 bytes starting at {@code offset}. */
  public static Hash of(byte[] bytes, int offset) {
    return new Hash(Arrays.copyOfRange(bytes, offset, offset + SIZE));
  }

  /** Parses {@code 0x} followed by exactly 64 hex digits. */
  public static Hash fromHex(String hex) {
    return new Hash(Hex.decodeExact(hex, SIZE));
  }

  /** A copy of the 32 bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  /** The bytes as a read-only Tuweni view (shares the backing array). */
  public Bytes bytes() {
    return Bytes.wrap(value);
  }

  public byte get(int index) {
    return value[index];
  }

  /** Copies the hash into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(value, 0, dest, offset, SIZE);
  }

  public boolean isZero() {
    for (byte b : value) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  public String toHexString() {
    return Hex.encode(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash h && Arrays.equals(value, h.value);
  }

  @Override
  public int hashCode() {
    // Hashes are uniformly distributed: the first four bytes are as good as all of them.
    return (value[0] << 24)
        | ((value[1] & 0xFF) << 16)
        | ((value[2] & 0xFF) << 8)
        | (value[3] & 0xFF);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return toHexString();
  }
}
