package org.megaeth.core.types;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.util.Hex;
import org.megaeth.core.util.HexFormatException;

/** A 20-byte account address. Immutable; equality is by value; prints with EIP-55 checksums. */
public final class Address implements Comparable<Address> {
  public static final int SIZE = 20;
  public static final Address ZERO = new Address(new byte[SIZE]);

  private final byte[] value;

  /**
   * {@link Arrays#hashCode} of the value, computed on first use (0: not yet). Addresses are the
   * keys of the state and access-set maps, hashed several times per transaction. A race only
   * computes the same value twice, as {@link String#hashCode} does.
   */
  private int hash;

  private Address(byte[] value) {
    this.value = value;
  }

  /** Takes ownership of {@code bytes}; the caller must not modify it afterwards. */
  public static Address wrap(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
    }
    return new Address(bytes);
  }

  public static Address of(byte[] bytes) {
    return wrap(bytes.clone());
  }

  public static Address of(Bytes bytes) {
    return wrap(bytes.toArray());
  }

  /** The address of a precompile or system contract: {@code n} in the low bytes. */
  public static Address ofNumber(long n) {
    byte[] b = new byte[SIZE];
    for (int i = 0; i < 8; i++) {
      b[SIZE - 1 - i] = (byte) (n >>> (8 * i));
    }
    return new Address(b);
  }

  /** The last 20 bytes of a 32-byte word or hash. */
  public static Address fromWord(byte[] word32, int offset) {
    return new Address(Arrays.copyOfRange(word32, offset + 12, offset + 32));
  }

  /**
   * Parses {@code 0x} and 40 hex digits. All-lower and all-upper case are accepted as they are;
   * mixed case must be a valid EIP-55 checksum, since a wrong one means a mistyped address.
   */
  public static Address fromHex(String hex) {
    Address address = new Address(Hex.decodeExact(hex, SIZE));
    String digits = Hex.hasPrefix(hex) ? hex.substring(2) : hex;
    boolean hasLower = !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
    boolean hasUpper = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT));
    if (hasLower && hasUpper && !address.toChecksumString().substring(2).equals(digits)) {
      throw new HexFormatException("address " + hex + " has an invalid EIP-55 checksum");
    }
    return address;
  }

  public byte[] toArray() {
    return value.clone();
  }

  /** The bytes as a read-only Tuweni view (shares the backing array). */
  public Bytes bytes() {
    return Bytes.wrap(value);
  }

  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(value, 0, dest, offset, SIZE);
  }

  public byte get(int index) {
    return value[index];
  }

  /** Lower-case hex. */
  public String toHexString() {
    return Hex.encode(value);
  }

  /** EIP-55 mixed-case checksum encoding. */
  public String toChecksumString() {
    String lower = Hex.encodeNoPrefix(value);
    byte[] hash = Keccak.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(42).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >>> ((i % 2 == 0) ? 4 : 0)) & 0xF;
      out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof Address a && Arrays.equals(value, a.value));
  }

  /** Benchmark before refactoring: {@code benchmarks/.../evm/Erc20TransferBenchmark.java}. */
  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(value);
      hash = h;
    }
    return h;
  }

  /**
   * The first eight bytes, big-endian: compared unsigned, the same order as {@link #compareTo} up
   * to ties (for sorting many addresses by a primitive key first).
   */
  public long leadingLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (value[i] & 0xFF);
    }
    return v;
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(value, other.value);
  }

  @Override
  public String toString() {
    return toChecksumString();
  }
}
