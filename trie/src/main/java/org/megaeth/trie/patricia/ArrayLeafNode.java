package org.megaeth.trie.patricia;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;

/**
 * A leaf whose key and value are one byte array, {@link #data}: plain tries' leaves, leaves decoded
 * from a store, a witness or a proof, accounts, and slots whose key or value is not of a {@link
 * SlotLeafNode} shape.
 *
 * <p>data = varint(keyLength << 1 | kind) ++ key ++ value. kind 0: the key is a nibble path of
 * keyLength nibbles, packed (an odd count leaves the last low nibble 0); kind 1: the key is a
 * preimage of keyLength bytes. The value is the rest.
 *
 * <p>An account with no storage and no code is stored shorter, because accounts are most of the
 * account trie and an array's size is rounded up to 8 bytes (docs/benchmarks.md, "trie: heap bytes
 * per account and per slot"): its RLP ends with the empty-trie root and keccak256("") (66 bytes of
 * its ~80), and a preimage leaf whose value ends with those 66 bytes stores the value without them:
 * 56 bytes instead of 120. The header varint then carries one byte of padding: an extra byte past
 * the minimal encoding, 0x00 (a minimal varint never ends with 0x00). Reading such a value copies
 * it back together; hashing, proofs and the index see the same bytes as before. (A storage slot of
 * a 32-byte word was stored here as 64 bytes with no header until its leaf moved to fields, {@link
 * WordSlotLeafNode}.)
 */
final class ArrayLeafNode extends LeafNode {
  /**
   * rlp(EMPTY_TRIE_ROOT) ++ rlp(keccak256("")): the last two fields of an account with no storage
   * and no code.
   */
  private static final byte[] ACCOUNT_TAIL =
      Bytes.concatenate(
              Bytes.of(0xa0),
              MerklePatriciaTrie.EMPTY_TRIE_ROOT.bytes(),
              Bytes.of(0xa0),
              Keccak.EMPTY.bytes())
          .toArray();

  /** Header, key, value; see the class comment. Never mutated. */
  final byte[] data;

  ArrayLeafNode(byte[] data, int depth) {
    super(depth, null);
    this.data = data;
  }

  /**
   * A leaf whose full nibble path is known to the caller: a preimage leaf keeps it until hashed.
   */
  ArrayLeafNode(byte[] data, int depth, byte[] path) {
    super(depth, path != null && hasPreimage(data) ? path : null);
    this.data = data;
  }

  // ---------------------------------------------------------------- data layout

  /** Leaf data for the nibble path {@code nibbles[0..length)} and a value. */
  static byte[] pathData(byte[] nibbles, int length, byte[] value, int valueOffset, int valueLen) {
    long h = (long) length << 1;
    int keyBytes = (length + 1) / 2;
    byte[] out = new byte[varintSize(h) + keyBytes + valueLen];
    int pos = writeVarint(out, h, 0);
    for (int i = 0; i < length; i++) {
      out[pos + i / 2] |= (byte) ((i & 1) == 0 ? nibbles[i] << 4 : nibbles[i]);
    }
    System.arraycopy(value, valueOffset, out, pos + keyBytes, valueLen);
    return out;
  }

  static byte[] pathData(byte[] nibbles, byte[] value) {
    return pathData(nibbles, nibbles.length, value, 0, value.length);
  }

  /** Leaf data for a secure trie's key preimage and a value. */
  static byte[] preimageData(byte[] preimage, byte[] value) {
    long h = ((long) preimage.length << 1) | 1;
    boolean tail = endsWithAccountTail(value);
    int stored = tail ? value.length - ACCOUNT_TAIL.length : value.length;
    int extra = tail ? 1 : 0;
    byte[] out = new byte[varintSize(h) + extra + preimage.length + stored];
    int pos = writeVarint(out, h, extra);
    System.arraycopy(preimage, 0, out, pos, preimage.length);
    System.arraycopy(value, 0, out, pos + preimage.length, stored);
    return out;
  }

  /** Whether {@code value} ends with {@link #ACCOUNT_TAIL} after at least one other byte. */
  private static boolean endsWithAccountTail(byte[] value) {
    int from = value.length - ACCOUNT_TAIL.length;
    return from > 0
        && Arrays.equals(value, from, value.length, ACCOUNT_TAIL, 0, ACCOUNT_TAIL.length);
  }

  private static boolean hasPreimage(byte[] data) {
    return (data[0] & 1) == 1;
  }

  /** Whether the value is stored without its {@link #ACCOUNT_TAIL}. */
  private static boolean hasAccountTail(byte[] data) {
    // Only preimage data is ever padded for a tail; the kind bit is the first byte's low bit.
    if (data[0] >= 0 || (data[0] & 1) == 0) {
      return false;
    }
    int extra = keyOffset(data) - varintSize(readVarint(data));
    return (extra & 1) == 1;
  }

  /** Key length: nibbles for a path, bytes for a preimage. */
  private static int keyLength(byte[] data) {
    int b = data[0];
    if (b >= 0) {
      return b >>> 1;
    }
    long v = readVarint(data);
    return (int) (v >>> 1);
  }

  /** Where the key starts: past the header varint and its padding. */
  private static int keyOffset(byte[] data) {
    if (data[0] >= 0) {
      return 1;
    }
    int pos = 1;
    while (data[pos] < 0) {
      pos++;
    }
    return pos + 1;
  }

  /** Where the stored value starts. */
  private static int valueOffset(byte[] data) {
    int length = keyLength(data);
    return keyOffset(data) + (hasPreimage(data) ? length : (length + 1) / 2);
  }

  private static int varintSize(long v) {
    int size = 1;
    while (v >= 0x80) {
      v >>>= 7;
      size++;
    }
    return size;
  }

  /** Writes {@code v} followed by {@code extra} padding bytes, the last one 0x00. */
  private static int writeVarint(byte[] out, long v, int extra) {
    int pos = 0;
    while (v >= 0x80) {
      out[pos++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    if (extra == 0) {
      out[pos++] = (byte) v;
      return pos;
    }
    out[pos++] = (byte) (v | 0x80);
    for (int i = 1; i < extra; i++) {
      out[pos++] = (byte) 0x80;
    }
    out[pos++] = 0;
    return pos;
  }

  /** Reads the header varint; padding bytes add nothing to it. */
  private static long readVarint(byte[] data) {
    long v = 0;
    int shift = 0;
    int pos = 0;
    while (true) {
      int b = data[pos++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
      shift += 7;
    }
  }

  /** Whether the preimage in preimage leaf data is {@code a[offset..offset+length)}. */
  static boolean preimageEquals(byte[] data, byte[] a, int offset, int length) {
    int off = keyOffset(data);
    return keyLength(data) == length
        && Arrays.equals(data, off, off + length, a, offset, offset + length);
  }

  /** Whether preimage leaf data and a preimage leaf have the same key. */
  static boolean samePreimage(byte[] data, LeafNode other) {
    return other.preimageEquals(data, keyOffset(data), keyLength(data));
  }

  /** {@link KeyIndex#hash} of the preimage in preimage leaf data. */
  static long preimageHash(byte[] data) {
    return KeyIndex.hash(data, keyOffset(data), keyLength(data));
  }

  /** The value in leaf data, sharing the array when it is stored whole. */
  static Bytes value(byte[] data) {
    if (hasAccountTail(data)) {
      byte[] out = new byte[valueLength(data)];
      copyValue(data, out, 0);
      return Bytes.wrap(out);
    }
    int off = valueOffset(data);
    return Bytes.wrap(data, off, data.length - off);
  }

  private static int valueLength(byte[] data) {
    int stored = data.length - valueOffset(data);
    return hasAccountTail(data) ? stored + ACCOUNT_TAIL.length : stored;
  }

  private static void copyValue(byte[] data, byte[] dst, int offset) {
    int off = valueOffset(data);
    int stored = data.length - off;
    System.arraycopy(data, off, dst, offset, stored);
    if (hasAccountTail(data)) {
      System.arraycopy(ACCOUNT_TAIL, 0, dst, offset + stored, ACCOUNT_TAIL.length);
    }
  }

  // ---------------------------------------------------------------- this leaf

  @Override
  LeafNode moveTo(int newDepth, byte[] path) {
    return new ArrayLeafNode(data, newDepth, path);
  }

  @Override
  boolean hasPreimage() {
    return hasPreimage(data);
  }

  @Override
  boolean preimageEquals(byte[] a, int offset, int length) {
    return preimageEquals(data, a, offset, length);
  }

  @Override
  boolean samePreimage(LeafNode other) {
    return samePreimage(data, other);
  }

  @Override
  Object indexEntry() {
    return data;
  }

  @Override
  long preimageHash() {
    return preimageHash(data);
  }

  @Override
  Bytes preimage() {
    return Bytes.wrap(data, keyOffset(data), keyLength(data));
  }

  @Override
  Bytes value() {
    return value(data);
  }

  @Override
  byte[] valueArray() {
    byte[] out = new byte[valueLength()];
    copyValue(out, 0);
    return out;
  }

  @Override
  boolean valueEquals(byte[] value) {
    int off = valueOffset(data);
    int stored = data.length - off;
    if (!hasAccountTail(data)) {
      return Arrays.equals(data, off, data.length, value, 0, value.length);
    }
    return value.length == stored + ACCOUNT_TAIL.length
        && Arrays.equals(data, off, data.length, value, 0, stored)
        && Arrays.equals(ACCOUNT_TAIL, 0, ACCOUNT_TAIL.length, value, stored, value.length);
  }

  @Override
  int valueLength() {
    return valueLength(data);
  }

  @Override
  int valueFirstByte() {
    return data[valueOffset(data)] & 0xFF;
  }

  @Override
  void copyValue(byte[] dst, int offset) {
    copyValue(data, dst, offset);
  }

  @Override
  byte[] fullPath() {
    int length = keyLength(data);
    int off = keyOffset(data);
    if (hasPreimage(data)) {
      byte[] hash = new byte[32];
      Keccak.keccak256(data, off, length, hash, 0);
      return Nibbles.fromBytes(hash);
    }
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int b = data[off + i / 2];
      out[i] = (byte) ((i & 1) == 0 ? (b >>> 4) & 0xF : b & 0xF);
    }
    return out;
  }

  @Override
  boolean pathEquals(byte[] key, int depth) {
    if (hasPreimage(data)) {
      return super.pathEquals(key, depth);
    }
    int length = keyLength(data);
    if (length != key.length) {
      return false;
    }
    int off = keyOffset(data);
    for (int i = depth; i < length; i++) {
      int b = data[off + i / 2];
      int nibble = (i & 1) == 0 ? (b >>> 4) & 0xF : b & 0xF;
      if (nibble != key[i]) {
        return false;
      }
    }
    return true;
  }
}
