package org.megaeth.trie.patricia;

import org.apache.tuweni.bytes.Bytes;

/**
 * The end of a key. A leaf holds its whole key and its value, and {@link #depth}, the number of
 * nibbles its parents consume; its path in the Ethereum encoding is the key's nibbles from {@code
 * depth} on.
 *
 * <p>The key is kept in one of two forms:
 *
 * <ul>
 *   <li>the <b>path</b>: the full nibble key (plain tries, and leaves decoded from a store, a
 *       witness or a proof);
 *   <li>the <b>preimage</b> of a secure trie's key: the path is keccak256(preimage). This is what
 *       lets a secure trie find a leaf by its preimage ({@link KeyIndex}) without hashing, so the
 *       world state needs no second map of its values. The path is recomputed when a leaf is split,
 *       merged or encoded outside hashing; a leaf just written keeps the path it was written with
 *       until it is hashed (see {@link Node#stashPath}), so hashing costs no extra keccak.
 * </ul>
 *
 * <p>To keep the in-memory state small (docs/benchmarks.md, "trie: heap bytes per account and per
 * slot"), the commonest shapes of a secure trie keep key and value in the leaf's own fields, with
 * no array (and so no array header and no reference to it): a storage slot of a 32-byte key and a
 * 32-byte word ({@link WordSlotLeafNode}, 112 bytes) or a value of up to 8 bytes ({@link
 * SmallSlotLeafNode}, 88 bytes with compact object headers, 96 without). Every other leaf is an
 * {@link ArrayLeafNode}, one object and one byte array. Callers see only the methods here: hashing,
 * proofs, witnesses, the index and frozen tries get the same bytes whatever the shape.
 *
 * <p>A leaf is immutable (trie nodes are shared between versions). One that moves to another depth
 * (a branch above it is split or collapses) becomes a new leaf with the same key and value.
 */
abstract sealed class LeafNode extends Node permits ArrayLeafNode, SlotLeafNode {
  /** Secure keys hash to 32 bytes: 64 nibbles. */
  static final int HASHED_PATH_NIBBLES = 64;

  /** Nibbles of the key consumed above this leaf; a short, so it fits the object's padding. */
  final short depth;

  /**
   * {@code stashedPath}, when not null, is the leaf's full path (64 nibbles, a preimage leaf only),
   * kept until it is hashed; it must not be modified afterwards.
   */
  LeafNode(int depth, byte[] stashedPath) {
    if (depth > Short.MAX_VALUE) {
      throw new IllegalArgumentException("key of more than " + Short.MAX_VALUE + " nibbles");
    }
    this.depth = (short) depth;
    if (stashedPath != null && stashedPath.length == HASHED_PATH_NIBBLES) {
      stashPath(stashedPath);
    }
  }

  /** The leaf of a plain trie for the nibble key {@code key} and a value (copied). */
  static LeafNode ofPath(byte[] key, int depth, byte[] value) {
    return new ArrayLeafNode(ArrayLeafNode.pathData(key, value), depth);
  }

  /**
   * The leaf of a secure trie for a key preimage and a value (both copied); {@code path}, when not
   * null, is the key's full nibble path, kept until the leaf is hashed.
   */
  static LeafNode ofPreimage(byte[] preimage, byte[] value, int depth, byte[] path) {
    if (preimage.length == SlotLeafNode.KEY_LENGTH) {
      if (WordSlotLeafNode.fits(value)) {
        return new WordSlotLeafNode(preimage, value, depth, path);
      }
      if (SmallSlotLeafNode.fits(value)) {
        return new SmallSlotLeafNode(preimage, value, depth, path);
      }
    }
    return new ArrayLeafNode(ArrayLeafNode.preimageData(preimage, value), depth, path);
  }

  /**
   * The leaf for one change of an update: a secure trie's ({@code preimage} not null) or a plain
   * trie's, whose full nibble key is {@code key}.
   */
  static LeafNode of(byte[] key, int depth, byte[] preimage, byte[] value) {
    return preimage == null ? ofPath(key, depth, value) : ofPreimage(preimage, value, depth, key);
  }

  /**
   * The same entry at another depth, after a branch above it was split or collapsed; {@code path},
   * when not null, is its full path, kept until hashed.
   */
  abstract LeafNode moveTo(int newDepth, byte[] path);

  /** The same entry at another depth, keeping the path this leaf was written with, if any. */
  final LeafNode moveTo(int newDepth) {
    LeafNode moved = moveTo(newDepth, null);
    if (isStashed()) {
      moved.stashPathOf(this);
    }
    return moved;
  }

  /** Whether the key is kept as a secure trie's preimage rather than as a path. */
  abstract boolean hasPreimage();

  /** Whether a preimage leaf's key is {@code a[offset..offset+length)}. */
  abstract boolean preimageEquals(byte[] a, int offset, int length);

  /** Whether a preimage leaf's key is {@code key}. */
  final boolean preimageEquals(byte[] key) {
    return preimageEquals(key, 0, key.length);
  }

  /** Whether two preimage leaves have the same key. */
  abstract boolean samePreimage(LeafNode other);

  /**
   * What a {@link KeyIndex} holds for this preimage leaf: an object holding the key and the value,
   * read by {@link KeyIndex} without going through the leaf when it can be. An array leaf's is its
   * data array, the same for the leaf at every depth, so a read loads one object less; a leaf
   * holding its key in fields is its own.
   */
  abstract Object indexEntry();

  /** {@link KeyIndex#hash} of a preimage leaf's key. */
  abstract long preimageHash();

  /** A preimage leaf's key. */
  abstract Bytes preimage();

  /** The value; a new array unless it can share the leaf's own array. */
  abstract Bytes value();

  /** The value as its own array. */
  abstract byte[] valueArray();

  /** Whether the value is {@code value}. */
  abstract boolean valueEquals(byte[] value);

  /** The length of the value. */
  abstract int valueLength();

  /** The value's first byte, unsigned. */
  abstract int valueFirstByte();

  /** Writes the value into {@code dst[offset..offset+valueLength())}. */
  abstract void copyValue(byte[] dst, int offset);

  /** The full nibble path computed from the key (a keccak for a preimage leaf). */
  abstract byte[] fullPath();

  /**
   * The full nibble path, one nibble per byte; do not modify. For a preimage leaf this is a keccak
   * unless the leaf still holds the path it was written with.
   */
  final byte[] path() {
    return isStashed() ? stashedPath(new byte[HASHED_PATH_NIBBLES]) : fullPath();
  }

  /**
   * {@link #path()}, written into {@code scratch} (64 bytes) when the leaf holds the path it was
   * written with: what hashing reads, with no array per leaf.
   */
  final byte[] path(byte[] scratch) {
    return isStashed() ? stashedPath(scratch) : fullPath();
  }

  /**
   * Whether this leaf holds the key whose nibbles are {@code key} (the first {@code depth} of which
   * led here) and, when not null, whose preimage is {@code preimage}.
   */
  final boolean hasKey(byte[] key, int depth, byte[] preimage) {
    if (preimage != null && hasPreimage()) {
      return preimageEquals(preimage);
    }
    return pathEquals(key, depth);
  }

  /** Whether {@code key[depth..]} is this leaf's path from {@code depth} on. */
  boolean pathEquals(byte[] key, int depth) {
    return Nibbles.matchesRest(path(), depth, key, depth);
  }
}
