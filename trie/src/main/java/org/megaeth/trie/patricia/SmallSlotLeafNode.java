package org.megaeth.trie.patricia;

/**
 * A storage slot holding a small value: a 32-byte key preimage and a value of 1 to 8 bytes, or of 9
 * bytes starting with 0x88 (the RLP of a number of 8 bytes), kept in fields: the value's bytes in
 * one long (without the 0x88), its length in a byte. A number below 2^64 is this shape as the world
 * state stores it (its RLP). 88 bytes with compact object headers, where an {@link ArrayLeafNode}
 * takes 48 and an array of 56 or 64 (docs/benchmarks.md, "trie: heap bytes per account and per
 * slot").
 */
final class SmallSlotLeafNode extends SlotLeafNode {
  /** The RLP string header of 8 bytes: a 9-byte value starting with it keeps its 8 in the long. */
  private static final byte LONG_HEADER = (byte) 0x88;

  private static final int MAX_LENGTH = 9;

  /** The value's bytes, the first in the low byte; for a 9-byte value, those after 0x88. */
  private final long bits;

  /** The value's length, 1 to 9. */
  private final byte length;

  /** {@code preimage} is 32 bytes and {@code value} {@link #fits}. */
  SmallSlotLeafNode(byte[] preimage, byte[] value, int depth, byte[] path) {
    super(preimage, depth, path);
    bits = bitsOf(value);
    length = (byte) value.length;
  }

  private SmallSlotLeafNode(SmallSlotLeafNode other, int depth, byte[] path) {
    super(other, depth, path);
    bits = other.bits;
    length = other.length;
  }

  /** Whether {@code value} has this shape: 1 to 8 bytes, or 0x88 and 8 more. */
  static boolean fits(byte[] value) {
    int n = value.length;
    return (n > 0 && n < MAX_LENGTH) || (n == MAX_LENGTH && value[0] == LONG_HEADER);
  }

  /** The long holding a value that {@link #fits}. */
  private static long bitsOf(byte[] value) {
    int from = value.length == MAX_LENGTH ? 1 : 0;
    long v = 0;
    for (int i = value.length - 1; i >= from; i--) {
      v = (v << 8) | (value[i] & 0xFF);
    }
    return v;
  }

  @Override
  LeafNode moveTo(int newDepth, byte[] path) {
    return new SmallSlotLeafNode(this, newDepth, path);
  }

  @Override
  boolean valueEquals(byte[] value) {
    return value.length == length && fits(value) && bitsOf(value) == bits;
  }

  @Override
  int valueLength() {
    return length;
  }

  @Override
  int valueFirstByte() {
    return length == MAX_LENGTH ? LONG_HEADER & 0xFF : (int) bits & 0xFF;
  }

  @Override
  void copyValue(byte[] dst, int offset) {
    int n = length;
    long v = bits;
    int i = 0;
    if (n == MAX_LENGTH) {
      dst[offset] = LONG_HEADER;
      i = 1;
    }
    for (; i < n; i++) {
      dst[offset + i] = (byte) v;
      v >>>= 8;
    }
  }
}
