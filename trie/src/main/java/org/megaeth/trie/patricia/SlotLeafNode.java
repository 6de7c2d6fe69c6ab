package org.megaeth.trie.patricia;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;

/**
 * A secure trie's leaf under a 32-byte key preimage (a storage slot), kept in four longs of the
 * object rather than in an array, with the value in fields of the subclass: no array header and no
 * reference to it (docs/benchmarks.md, "trie: heap bytes per account and per slot"). The longs are
 * the preimage's bytes read little-endian, as {@link KeyIndex#hash} reads them, so the index hashes
 * the key from the fields.
 */
abstract sealed class SlotLeafNode extends LeafNode permits WordSlotLeafNode, SmallSlotLeafNode {
  /** The key length of this shape: a storage slot's 32 bytes. */
  static final int KEY_LENGTH = 32;

  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long p0;
  private final long p1;
  private final long p2;
  private final long p3;

  /** {@code preimage} is 32 bytes; {@code path}, when not null, is kept until hashed. */
  SlotLeafNode(byte[] preimage, int depth, byte[] path) {
    super(depth, path);
    p0 = (long) LONGS.get(preimage, 0);
    p1 = (long) LONGS.get(preimage, 8);
    p2 = (long) LONGS.get(preimage, 16);
    p3 = (long) LONGS.get(preimage, 24);
  }

  /** The same key as {@code other}, at another depth. */
  SlotLeafNode(SlotLeafNode other, int depth, byte[] path) {
    super(depth, path);
    p0 = other.p0;
    p1 = other.p1;
    p2 = other.p2;
    p3 = other.p3;
  }

  @Override
  final boolean hasPreimage() {
    return true;
  }

  @Override
  final boolean preimageEquals(byte[] a, int offset, int length) {
    return length == KEY_LENGTH
        && p0 == (long) LONGS.get(a, offset)
        && p1 == (long) LONGS.get(a, offset + 8)
        && p2 == (long) LONGS.get(a, offset + 16)
        && p3 == (long) LONGS.get(a, offset + 24);
  }

  @Override
  final boolean samePreimage(LeafNode other) {
    if (other instanceof SlotLeafNode s) {
      return p0 == s.p0 && p1 == s.p1 && p2 == s.p2 && p3 == s.p3;
    }
    return other.samePreimage(this);
  }

  /** The leaf itself: it holds its key and value. */
  @Override
  final Object indexEntry() {
    return this;
  }

  @Override
  final long preimageHash() {
    return KeyIndex.hash(p0, p1, p2, p3);
  }

  @Override
  final Bytes preimage() {
    return Bytes.wrap(preimageArray());
  }

  private byte[] preimageArray() {
    byte[] out = new byte[KEY_LENGTH];
    LONGS.set(out, 0, p0);
    LONGS.set(out, 8, p1);
    LONGS.set(out, 16, p2);
    LONGS.set(out, 24, p3);
    return out;
  }

  @Override
  final byte[] fullPath() {
    byte[] hash = preimageArray();
    Keccak.keccak256(hash, 0, KEY_LENGTH, hash, 0);
    return Nibbles.fromBytes(hash);
  }

  @Override
  final Bytes value() {
    return Bytes.wrap(valueArray());
  }

  @Override
  final byte[] valueArray() {
    byte[] out = new byte[valueLength()];
    copyValue(out, 0);
    return out;
  }
}
