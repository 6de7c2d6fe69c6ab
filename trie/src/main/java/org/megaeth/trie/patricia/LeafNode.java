package org.megaeth.trie.patricia;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;

/**
 * The end of a key. To keep the in-memory state small (docs/benchmarks.md, "world state memory"), a
 * leaf is one small object and one byte array, {@link #data}, that holds its whole key and its
 * value, and {@link #depth}, the number of nibbles its parents consume. The leaf's path in the
 * Ethereum encoding is the key's nibbles from {@code depth} on.
 *
 * <p>The key is kept in one of two forms, told apart by the data's header (storage slots, stored
 * without one, by their length; see "data layout" below):
 *
 * <ul>
 *   <li>the <b>path</b>: the full nibble key, packed two nibbles per byte (plain tries, and leaves
 *       decoded from a store, a witness or a proof);
 *   <li>the <b>preimage</b> of a secure trie's key: the path is keccak256(preimage). This is what
 *       lets a secure trie find a leaf by its preimage ({@link KeyIndex}) without hashing, so the
 *       world state needs no second map of its values. The path is recomputed when a leaf is split,
 *       merged or encoded outside hashing; a leaf just written keeps the path it was written with
 *       until it is hashed (see {@link Node#refOrPath}), so hashing costs no extra keccak.
 * </ul>
 *
 * <p>A leaf that moves to another depth (a branch above it is split or collapses) becomes a new
 * leaf over the same data array: data is immutable and shared.
 */
final class LeafNode extends Node {
  /** Secure keys hash to 32 bytes: 64 nibbles. */
  static final int HASHED_PATH_NIBBLES = 64;

  /** Header, key, value; see {@link #pathData} and {@link #preimageData}. Never mutated. */
  final byte[] data;

  /** Nibbles of the key consumed above this leaf; a short, so the object stays at 56 bytes. */
  final short depth;

  LeafNode(byte[] data, int depth) {
    if (depth > Short.MAX_VALUE) {
      throw new IllegalArgumentException("key of more than " + Short.MAX_VALUE + " nibbles");
    }
    this.data = data;
    this.depth = (short) depth;
  }

  /**
   * A leaf whose full nibble path is known to the caller: a preimage leaf keeps it until hashed.
   * {@code path} must not be modified afterwards.
   */
  LeafNode(byte[] data, int depth, byte[] path) {
    this(data, depth);
    if (hasPreimage(data) && path.length == HASHED_PATH_NIBBLES) {
      this.refOrPath = path;
    }
  }

  // ---------------------------------------------------------------- data layout

  // data = varint(keyLength << 1 | kind) ++ key ++ value. kind 0: the key is a nibble path of
  // keyLength nibbles, packed (an odd count leaves the last low nibble 0); kind 1: the key is a
  // preimage of keyLength bytes. The value is the rest, empty for "remove" in an update batch.
  //
  // Two shapes are stored shorter, because they are most of the state and an array's size is
  // rounded up to 8 bytes (docs/benchmarks.md, "trie: heap bytes per account and per slot"):
  //
  // - A storage slot: a 32-byte preimage and a value that is a 32-byte word, rlp 0xa0 ++ word. Its
  //   data is exactly 64 bytes, preimage ++ word, with no header and no 0xa0: 80 bytes instead of
  //   88. No other data is 64 bytes long: the header of one that would be is padded (below).
  // - An account with no storage and no code: its RLP ends with the empty-trie root and
  //   keccak256("") (66 bytes of its ~80). A preimage leaf whose value ends with those 66 bytes
  //   stores the value without them: 56 bytes instead of 120.
  //
  // The header varint can carry padding: extra bytes past the minimal encoding, the last one 0x00
  // (a minimal varint never ends with 0x00). An odd count of extra bytes says the account tail is
  // left out; two more bytes keep the data from being 64 bytes long. Reading a value of either
  // short shape copies it back together; hashing, proofs and the index see the same bytes as
  // before.

  /** The length of a storage slot's data: preimage and word, no header. */
  private static final int SLOT_DATA_LENGTH = 64;

  /** The RLP string header of a 32-byte word, left out of a storage slot's data. */
  private static final byte WORD_HEADER = (byte) 0xa0;

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

  /** Leaf data for the nibble path {@code nibbles[0..length)} and a value. */
  static byte[] pathData(byte[] nibbles, int length, byte[] value, int valueOffset, int valueLen) {
    long h = (long) length << 1;
    int keyBytes = (length + 1) / 2;
    int extra = padding(varintSize(h) + keyBytes + valueLen, false);
    byte[] out = new byte[varintSize(h) + extra + keyBytes + valueLen];
    int pos = writeVarint(out, h, extra);
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
    if (preimage.length == 32 && value.length == 33 && value[0] == WORD_HEADER) {
      byte[] out = new byte[SLOT_DATA_LENGTH];
      System.arraycopy(preimage, 0, out, 0, 32);
      System.arraycopy(value, 1, out, 32, 32);
      return out;
    }
    long h = ((long) preimage.length << 1) | 1;
    boolean tail = endsWithAccountTail(value);
    int stored = tail ? value.length - ACCOUNT_TAIL.length : value.length;
    int extra = padding(varintSize(h) + preimage.length + stored, tail);
    byte[] out = new byte[varintSize(h) + extra + preimage.length + stored];
    int pos = writeVarint(out, h, extra);
    System.arraycopy(preimage, 0, out, pos, preimage.length);
    System.arraycopy(value, 0, out, pos + preimage.length, stored);
    return out;
  }

  /**
   * The extra header bytes for data of {@code length} bytes with a minimal header: one for an
   * account tail, two more if the data would otherwise be as long as a storage slot's.
   */
  private static int padding(int length, boolean tail) {
    int extra = tail ? 1 : 0;
    return length + extra == SLOT_DATA_LENGTH ? extra + 2 : extra;
  }

  /** Whether {@code value} ends with {@link #ACCOUNT_TAIL} after at least one other byte. */
  private static boolean endsWithAccountTail(byte[] value) {
    int from = value.length - ACCOUNT_TAIL.length;
    return from > 0
        && Arrays.equals(value, from, value.length, ACCOUNT_TAIL, 0, ACCOUNT_TAIL.length);
  }

  private static boolean isSlot(byte[] data) {
    return data.length == SLOT_DATA_LENGTH;
  }

  static boolean hasPreimage(byte[] data) {
    return isSlot(data) || (data[0] & 1) == 1;
  }

  /** Whether the value is stored without its {@link #ACCOUNT_TAIL}. */
  static boolean hasAccountTail(byte[] data) {
    // Only preimage data is ever padded for a tail; the kind bit is the first byte's low bit.
    if (data[0] >= 0 || (data[0] & 1) == 0 || isSlot(data)) {
      return false;
    }
    int extra = keyOffset(data) - varintSize(readVarint(data));
    return (extra & 1) == 1;
  }

  /** Key length: nibbles for a path, bytes for a preimage. */
  static int keyLength(byte[] data) {
    if (isSlot(data)) {
      return 32;
    }
    int b = data[0];
    if (b >= 0) {
      return b >>> 1;
    }
    long v = readVarint(data);
    return (int) (v >>> 1);
  }

  /** Where the key starts: past the header varint and its padding. */
  static int keyOffset(byte[] data) {
    if (isSlot(data)) {
      return 0;
    }
    if (data[0] >= 0) {
      return 1;
    }
    int pos = 1;
    while (data[pos] < 0) {
      pos++;
    }
    return pos + 1;
  }

  /** Where the stored value starts (a storage slot's word, after its left-out 0xa0). */
  static int valueOffset(byte[] data) {
    int length = keyLength(data);
    return keyOffset(data) + (hasPreimage(data) ? length : (length + 1) / 2);
  }

  /** The length of the value, with what is left out of the stored bytes. */
  static int valueLength(byte[] data) {
    if (isSlot(data)) {
      return 33;
    }
    int stored = data.length - valueOffset(data);
    return hasAccountTail(data) ? stored + ACCOUNT_TAIL.length : stored;
  }

  /** Whether the value is stored as it is, from {@link #valueOffset} to the end. */
  static boolean isStoredWhole(byte[] data) {
    return !isSlot(data) && !hasAccountTail(data);
  }

  static boolean sameValue(byte[] a, byte[] b) {
    boolean aWhole = isStoredWhole(a);
    if (aWhole == isStoredWhole(b) && isSlot(a) == isSlot(b)) {
      int ao = valueOffset(a);
      int bo = valueOffset(b);
      return Arrays.equals(a, ao, a.length, b, bo, b.length);
    }
    return Arrays.equals(valueArray(a), valueArray(b)); // e.g. a decoded leaf against a new one
  }

  /** The value as its own array. */
  static byte[] valueArray(byte[] data) {
    int off = valueOffset(data);
    int stored = data.length - off;
    if (isSlot(data)) {
      byte[] out = new byte[33];
      out[0] = WORD_HEADER;
      System.arraycopy(data, off, out, 1, stored);
      return out;
    }
    if (!hasAccountTail(data)) {
      return Arrays.copyOfRange(data, off, data.length);
    }
    byte[] out = new byte[stored + ACCOUNT_TAIL.length];
    System.arraycopy(data, off, out, 0, stored);
    System.arraycopy(ACCOUNT_TAIL, 0, out, stored, ACCOUNT_TAIL.length);
    return out;
  }

  /** The value, sharing the data array when it is stored whole. */
  static Bytes value(byte[] data) {
    if (!isStoredWhole(data)) {
      return Bytes.wrap(valueArray(data));
    }
    int off = valueOffset(data);
    return Bytes.wrap(data, off, data.length - off);
  }

  static boolean samePreimage(byte[] a, byte[] b) {
    int ao = keyOffset(a);
    int bo = keyOffset(b);
    int length = keyLength(a);
    return keyLength(b) == length && Arrays.equals(a, ao, ao + length, b, bo, bo + length);
  }

  /** Whether a preimage leaf's key is {@code key}. */
  static boolean preimageEquals(byte[] data, byte[] key) {
    int off = keyOffset(data);
    return keyLength(data) == key.length
        && Arrays.equals(data, off, off + key.length, key, 0, key.length);
  }

  /** The full nibble path of a leaf with this data (hashing a preimage). */
  static byte[] fullPath(byte[] data) {
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

  // ---------------------------------------------------------------- this leaf

  /** The same entry at another depth, after a branch above it was split or collapsed. */
  LeafNode moveTo(int newDepth) {
    byte[] stashed = stashedPath();
    return stashed != null ? new LeafNode(data, newDepth, stashed) : new LeafNode(data, newDepth);
  }

  boolean hasPreimage() {
    return hasPreimage(data);
  }

  /** The value, sharing this leaf's array when it is stored whole. */
  Bytes value() {
    return value(data);
  }

  byte[] valueArray() {
    return valueArray(data);
  }

  /**
   * The full nibble path, one nibble per byte; do not modify. For a preimage leaf this is a keccak
   * unless the leaf still holds the path it was written with.
   */
  byte[] path() {
    byte[] stashed = stashedPath();
    return stashed != null ? stashed : fullPath(data);
  }

  /** The path this leaf was written with, while it is dirty; else null. */
  private byte[] stashedPath() {
    byte[] r = refOrPath;
    return isDirty() && r != null && r.length == HASHED_PATH_NIBBLES ? r : null;
  }

  /**
   * Whether this leaf holds the key whose nibbles are {@code key} (the first {@code depth} of which
   * led here) and, when not null, whose preimage is in {@code other} leaf data.
   */
  boolean hasKey(byte[] key, int depth, byte[] other) {
    if (other != null && hasPreimage() && hasPreimage(other)) {
      return samePreimage(data, other);
    }
    return pathEquals(key, depth);
  }

  /** Whether {@code key[depth..]} is this leaf's path from {@code depth} on. */
  boolean pathEquals(byte[] key, int depth) {
    if (hasPreimage()) {
      return Nibbles.matchesRest(path(), depth, key, depth);
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
