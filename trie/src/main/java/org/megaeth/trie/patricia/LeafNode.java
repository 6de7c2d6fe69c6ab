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
 * <p>The key is kept in one of two forms, told apart by the data's header:
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

  /** Leaf data for the nibble path {@code nibbles[0..length)} and a value. */
  static byte[] pathData(byte[] nibbles, int length, byte[] value, int valueOffset, int valueLen) {
    int header = varintSize((long) length << 1);
    int keyBytes = (length + 1) / 2;
    byte[] out = new byte[header + keyBytes + valueLen];
    int pos = writeVarint(out, (long) length << 1);
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
    byte[] out = new byte[varintSize(h) + preimage.length + value.length];
    int pos = writeVarint(out, h);
    System.arraycopy(preimage, 0, out, pos, preimage.length);
    System.arraycopy(value, 0, out, pos + preimage.length, value.length);
    return out;
  }

  static boolean hasPreimage(byte[] data) {
    return (data[0] & 1) == 1;
  }

  /** Key length: nibbles for a path, bytes for a preimage. */
  static int keyLength(byte[] data) {
    int b = data[0];
    if (b >= 0) {
      return b >>> 1;
    }
    long v = readVarint(data);
    return (int) (v >>> 1);
  }

  static int keyOffset(byte[] data) {
    return data[0] >= 0 ? 1 : varintSize(readVarint(data));
  }

  static int valueOffset(byte[] data) {
    int length = keyLength(data);
    return keyOffset(data) + (hasPreimage(data) ? length : (length + 1) / 2);
  }

  static int valueLength(byte[] data) {
    return data.length - valueOffset(data);
  }

  static boolean sameValue(byte[] a, byte[] b) {
    int ao = valueOffset(a);
    int bo = valueOffset(b);
    return Arrays.equals(a, ao, a.length, b, bo, b.length);
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

  private static int writeVarint(byte[] out, long v) {
    int pos = 0;
    while (v >= 0x80) {
      out[pos++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
    return pos;
  }

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

  /** The value, sharing this leaf's array. */
  Bytes value() {
    int off = valueOffset(data);
    return Bytes.wrap(data, off, data.length - off);
  }

  byte[] valueArray() {
    return Arrays.copyOfRange(data, valueOffset(data), data.length);
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
