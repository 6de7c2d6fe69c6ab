package org.megaeth.trie.patricia;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A trie node. Nodes are immutable once built except for two caches, so a trie can be copied in
 * O(1) and an update copies only the path it changes (geth does the same with its {@code
 * nodeFlags}). The kinds are a sealed hierarchy; it is an abstract class rather than an interface
 * because every kind carries the same cache fields and the hashing loop reads them without a
 * virtual call.
 *
 * <p>The reference by which a parent refers to this node is cached in the node, in four longs and
 * no array (an array would cost its header and a pointer per node; docs/benchmarks.md, "trie: heap
 * bytes"): keccak256 of the encoding when the encoding is 32 bytes or longer, else the encoding
 * itself (an embedded node, at most 31 bytes, its length in {@link #flags}). It is set once by the
 * hasher and never changed. While a secure trie's leaf is dirty the same longs may hold its hashed
 * key, the path it was written with, so that hashing it needs no second keccak of its preimage
 * ({@link #stashPath}). No field refers to another array: a reference is 4 bytes of every node, and
 * 8 where references are not compressed (ZGC, or heaps of 32 GB and more), which is how the
 * sequencer's large machines run.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // The two dirty states come first, so that isDirty() is one comparison. A new node's flags are
  // all 0: dirty, not persisted.
  @SuppressWarnings("unused")
  private static final int DIRTY = 0;

  /** Dirty, with the leaf's hashed key in the hash longs. */
  private static final int STASHED = 1;

  private static final int HASHED = 2;
  private static final int EMBEDDED = 3;

  /** The bits of {@link #flags} that hold one of the four states above. */
  private static final int STATE = 3;

  /** The bit of {@link #flags} set once the node is persisted; see {@link #isPersisted}. */
  private static final int PERSISTED = 4;

  /** Where an embedded encoding's length (1 to 31) sits in {@link #flags}. */
  private static final int LENGTH_SHIFT = 3;

  /** An embedded encoding is shorter than a hash. */
  static final int MAX_EMBEDDED = 31;

  /**
   * The hash, big-endian, when {@link #isHashed()}; the embedded encoding, its bytes in order from
   * the top of {@code h0}, when embedded; the hashed key while stashed.
   */
  private long h0;

  private long h1;
  private long h2;
  private long h3;

  /**
   * The state (dirty, stashed, hashed or embedded), the persisted bit and an embedded encoding's
   * length in one byte: with compact object headers one byte, not three fields, is what lets a
   * small slot's leaf fit in 88 bytes rather than 96 (docs/benchmarks.md, "trie: heap bytes"). The
   * persisted bit is set on a node being decoded, before any other thread can see it, or by a
   * commit on a node whose reference is set, whose other bits never change again: setting it writes
   * them back unchanged, so a frozen trie reading the reference from another thread sees the same
   * one either way. Setting the reference keeps the bit.
   */
  private byte flags;

  private int state() {
    return flags & STATE;
  }

  /** True until the hasher has set the reference. */
  final boolean isDirty() {
    return state() < HASHED;
  }

  /**
   * True once the node is in the node store (it was loaded from there, or a commit wrote it). The
   * commit walk stops at persisted nodes, so a commit costs O(nodes changed since the last one).
   */
  final boolean isPersisted() {
    return (flags & PERSISTED) != 0;
  }

  /** Notes that the node is in the node store. */
  final void markPersisted() {
    flags |= PERSISTED;
  }

  /** True when a parent refers to this node by hash rather than embedding it. */
  final boolean isHashed() {
    return state() == HASHED;
  }

  /** Sets the reference to the 32-byte hash at {@code src[offset..]}. */
  final void setHash(byte[] src, int offset) {
    h0 = (long) LONGS.get(src, offset);
    h1 = (long) LONGS.get(src, offset + 8);
    h2 = (long) LONGS.get(src, offset + 16);
    h3 = (long) LONGS.get(src, offset + 24);
    flags = (byte) ((flags & PERSISTED) | HASHED);
  }

  /**
   * Sets the reference to the node's own encoding, {@code src[offset..offset+length)}, shorter than
   * 32 bytes (copied).
   */
  final void setEmbedded(byte[] src, int offset, int length) {
    if (length < 1 || length > MAX_EMBEDDED) {
      throw new IllegalArgumentException("an embedded node of " + length + " bytes");
    }
    h0 = packBytes(src, offset, length, 0);
    h1 = packBytes(src, offset, length, 8);
    h2 = packBytes(src, offset, length, 16);
    h3 = packBytes(src, offset, length, 24);
    flags = (byte) ((flags & PERSISTED) | EMBEDDED | (length << LENGTH_SHIFT));
  }

  /** Sets the reference from bytes: a 32-byte hash, or an embedded encoding (copied). */
  final void setRef(byte[] ref) {
    if (ref.length == 32) {
      setHash(ref, 0);
    } else {
      setEmbedded(ref, 0, ref.length);
    }
  }

  /** The length of an embedded node's encoding. */
  private int embeddedLength() {
    return (flags & 0xFF) >>> LENGTH_SHIFT;
  }

  /** The reference as a new array: the hash or the embedded encoding; null while dirty. */
  final byte[] ref() {
    if (isHashed()) {
      byte[] out = new byte[32];
      copyHash(out, 0);
      return out;
    }
    if (state() == EMBEDDED) {
      byte[] out = new byte[embeddedLength()];
      copyEmbedded(out, 0);
      return out;
    }
    return null;
  }

  /** Writes the 32-byte hash of a hashed node into {@code dst[offset..]}. */
  final void copyHash(byte[] dst, int offset) {
    LONGS.set(dst, offset, h0);
    LONGS.set(dst, offset + 8, h1);
    LONGS.set(dst, offset + 16, h2);
    LONGS.set(dst, offset + 24, h3);
  }

  /** Writes an embedded node's encoding into {@code dst[offset..]}; returns its length. */
  final int copyEmbedded(byte[] dst, int offset) {
    int length = embeddedLength();
    for (int i = 0; i < length; i++) {
      dst[offset + i] = byteAt(i);
    }
    return length;
  }

  /** Byte {@code i} of the four longs read as 32 big-endian bytes. */
  private byte byteAt(int i) {
    long word =
        switch (i >>> 3) {
          case 0 -> h0;
          case 1 -> h1;
          case 2 -> h2;
          default -> h3;
        };
    return (byte) (word >>> (56 - ((i & 7) << 3)));
  }

  /** Whether the reference is {@code ref} (a hash or an embedded encoding). */
  final boolean refEquals(byte[] ref) {
    if (isHashed()) {
      return ref.length == 32
          && h0 == (long) LONGS.get(ref, 0)
          && h1 == (long) LONGS.get(ref, 8)
          && h2 == (long) LONGS.get(ref, 16)
          && h3 == (long) LONGS.get(ref, 24);
    }
    if (state() != EMBEDDED || ref.length != embeddedLength()) {
      return false;
    }
    for (int i = 0; i < ref.length; i++) {
      if (ref[i] != byteAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The length of the reference as an item in the parent's encoding. */
  final int refItemLength() {
    return isHashed() ? 33 : embeddedLength();
  }

  // ---------------------------------------------------------------- a dirty leaf's path

  /**
   * Keeps {@code nibbles}, a secure key's 64 nibbles, in the hash longs of this dirty node (a new
   * leaf, not yet visible to another thread) until it is hashed.
   */
  final void stashPath(byte[] nibbles) {
    h0 = packNibbles(nibbles, 0);
    h1 = packNibbles(nibbles, 16);
    h2 = packNibbles(nibbles, 32);
    h3 = packNibbles(nibbles, 48);
    flags = (byte) ((flags & PERSISTED) | STASHED);
  }

  /** Whether a path is stashed: the node is dirty and its hash longs hold its hashed key. */
  final boolean isStashed() {
    return state() == STASHED;
  }

  /** Writes the stashed path's 64 nibbles into {@code dst[0..64)} and returns {@code dst}. */
  final byte[] stashedPath(byte[] dst) {
    unpackNibbles(h0, dst, 0);
    unpackNibbles(h1, dst, 16);
    unpackNibbles(h2, dst, 32);
    unpackNibbles(h3, dst, 48);
    return dst;
  }

  /** Stashes the path stashed in {@code other} (this node is new and dirty). */
  final void stashPathOf(Node other) {
    h0 = other.h0;
    h1 = other.h1;
    h2 = other.h2;
    h3 = other.h3;
    flags = (byte) ((flags & PERSISTED) | STASHED);
  }

  /**
   * Bytes {@code from..from+8} of {@code src[offset..offset+length)} as a big-endian long, 0 past
   * it.
   */
  private static long packBytes(byte[] src, int offset, int length, int from) {
    long word = 0;
    for (int i = from; i < from + 8; i++) {
      word = (word << 8) | (i < length ? src[offset + i] & 0xFF : 0);
    }
    return word;
  }

  /** Nibbles {@code from..from+16} as a long, the first in the top four bits. */
  private static long packNibbles(byte[] nibbles, int from) {
    long word = 0;
    for (int i = from; i < from + 16; i++) {
      word = (word << 4) | (nibbles[i] & 0xF);
    }
    return word;
  }

  private static void unpackNibbles(long word, byte[] dst, int from) {
    for (int i = 15; i >= 0; i--) {
      dst[from + i] = (byte) (word & 0xF);
      word >>>= 4;
    }
  }
}
