package org.megaeth.trie.patricia;

/**
 * A storage slot holding a 32-byte word: a 32-byte key preimage and the value rlp(word) = 0xa0 ++
 * word, kept as eight longs with no 0xa0. 112 bytes, where an {@link ArrayLeafNode} of the same
 * slot takes 48 and an array of 80 (docs/benchmarks.md, "trie: heap bytes per account and per
 * slot").
 */
final class WordSlotLeafNode extends SlotLeafNode {
  /** The RLP string header of a 32-byte word. */
  private static final byte WORD_HEADER = (byte) 0xa0;

  private static final int VALUE_LENGTH = 33;

  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;

  /** {@code preimage} is 32 bytes and {@code value} {@link #fits}. */
  WordSlotLeafNode(byte[] preimage, byte[] value, int depth, byte[] path) {
    super(preimage, depth, path);
    w0 = (long) LONGS.get(value, 1);
    w1 = (long) LONGS.get(value, 9);
    w2 = (long) LONGS.get(value, 17);
    w3 = (long) LONGS.get(value, 25);
  }

  private WordSlotLeafNode(WordSlotLeafNode other, int depth, byte[] path) {
    super(other, depth, path);
    w0 = other.w0;
    w1 = other.w1;
    w2 = other.w2;
    w3 = other.w3;
  }

  /** Whether {@code value} is a 32-byte word's RLP. */
  static boolean fits(byte[] value) {
    return value.length == VALUE_LENGTH && value[0] == WORD_HEADER;
  }

  @Override
  LeafNode moveTo(int newDepth, byte[] path) {
    return new WordSlotLeafNode(this, newDepth, path);
  }

  @Override
  boolean valueEquals(byte[] value) {
    return fits(value)
        && w0 == (long) LONGS.get(value, 1)
        && w1 == (long) LONGS.get(value, 9)
        && w2 == (long) LONGS.get(value, 17)
        && w3 == (long) LONGS.get(value, 25);
  }

  @Override
  int valueLength() {
    return VALUE_LENGTH;
  }

  @Override
  int valueFirstByte() {
    return WORD_HEADER & 0xFF;
  }

  @Override
  void copyValue(byte[] dst, int offset) {
    dst[offset] = WORD_HEADER;
    LONGS.set(dst, offset + 1, w0);
    LONGS.set(dst, offset + 9, w1);
    LONGS.set(dst, offset + 17, w2);
    LONGS.set(dst, offset + 25, w3);
  }
}
