package org.megaeth.trie.patricia;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A trie node. Nodes are immutable once built except for two caches, so a trie can be copied in
 * O(1) and an update copies only the path it changes (geth does the same with its {@code
 * nodeFlags}). The kinds are a sealed hierarchy; it is an abstract class rather than an interface
 * because every kind carries the same cache fields and the hashing loop reads them without a
 * virtual call.
 *
 * <p>The reference by which a parent refers to this node is cached in the node: keccak256 of the
 * encoding when the encoding is 32 bytes or longer (kept as four longs rather than an array, which
 * would cost an array header and a pointer per node; docs/benchmarks.md, "world state memory"),
 * else the encoding itself (an embedded node). It is set once by the hasher and never changed.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final byte DIRTY = 0;
  private static final byte HASHED = 1;
  private static final byte EMBEDDED = 2;

  /** The bits of {@link #flags} that hold one of the three states above. */
  private static final byte STATE = 3;

  /** The bit of {@link #flags} set once the node is persisted; see {@link #isPersisted}. */
  private static final byte PERSISTED = 4;

  /** The hash, big-endian, when {@link #isHashed()}. */
  private long h0;

  private long h1;
  private long h2;
  private long h3;

  /**
   * The encoding of an embedded node (under 32 bytes). While the node is dirty: {@code null}, or
   * for a {@link LeafNode} written under a secure key, the 64 nibbles of its path, kept here (no
   * extra field in every leaf) so that hashing it needs no second keccak of the key.
   */
  byte[] refOrPath;

  /**
   * The state (dirty, hashed or embedded) and the persisted bit in one byte, not two fields: with
   * compact object headers that byte is what lets a small slot's leaf fit in 88 bytes rather than
   * 96 (docs/benchmarks.md, "trie: heap bytes"). The persisted bit is set on a node being decoded,
   * before any other thread can see it, or by a commit on a node whose reference is set, whose
   * state bits never change again: setting it writes them back unchanged, so a frozen trie reading
   * the state from another thread sees the same state either way. Setting the reference keeps the
   * bit.
   */
  private byte flags;

  /** True until the hasher has set the reference. */
  final boolean isDirty() {
    return (flags & STATE) == DIRTY;
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
    return (flags & STATE) == HASHED;
  }

  /** Sets the reference to the 32-byte hash at {@code src[offset..]}. */
  final void setHash(byte[] src, int offset) {
    h0 = (long) LONGS.get(src, offset);
    h1 = (long) LONGS.get(src, offset + 8);
    h2 = (long) LONGS.get(src, offset + 16);
    h3 = (long) LONGS.get(src, offset + 24);
    refOrPath = null;
    flags = (byte) ((flags & PERSISTED) | HASHED);
  }

  /** Sets the reference to the node's own encoding, shorter than 32 bytes; kept, not copied. */
  final void setEmbedded(byte[] encoding) {
    refOrPath = encoding;
    flags = (byte) ((flags & PERSISTED) | EMBEDDED);
  }

  /** Sets the reference from bytes: a 32-byte hash, or an embedded encoding (kept). */
  final void setRef(byte[] ref) {
    if (ref.length == 32) {
      setHash(ref, 0);
    } else {
      setEmbedded(ref);
    }
  }

  /** The reference: the hash (a new array) or the embedded encoding (shared; do not modify). */
  final byte[] ref() {
    if (isHashed()) {
      byte[] out = new byte[32];
      copyHash(out, 0);
      return out;
    }
    return refOrPath;
  }

  /** Writes the 32-byte hash of a hashed node into {@code dst[offset..]}. */
  final void copyHash(byte[] dst, int offset) {
    LONGS.set(dst, offset, h0);
    LONGS.set(dst, offset + 8, h1);
    LONGS.set(dst, offset + 16, h2);
    LONGS.set(dst, offset + 24, h3);
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
    return (flags & STATE) == EMBEDDED && Arrays.equals(refOrPath, ref);
  }

  /** The length of the reference as an item in the parent's encoding. */
  final int refItemLength() {
    return isHashed() ? 33 : refOrPath.length;
  }
}
