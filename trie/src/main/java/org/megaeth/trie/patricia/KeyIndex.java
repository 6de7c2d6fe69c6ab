package org.megaeth.trie.patricia;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A secure trie's leaves by key preimage: reads without keccak and without walking the trie, so the
 * world state needs no flat copy of its values (docs/benchmarks.md, "world state memory"). It holds
 * the leaves' own data arrays ({@link LeafNode#preimageData}), so it costs a reference and a byte
 * per slot of its table (5 to 10 bytes per entry) and no copy of keys or values.
 *
 * <p>Open addressing with linear probing over a power-of-two table, at most 3/4 full, with a byte
 * of the key's hash per slot so that a probe dereferences a leaf only when that byte matches.
 * Removal shifts the following entries back, so there are no tombstones. Not thread-safe.
 *
 * <p>Every committed read of the world state goes through {@link #get}. Benchmark before
 * refactoring: {@code benchmarks/.../trie/WorldStateBenchmark}.
 */
final class KeyIndex {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[][] entries = new byte[16][];

  /** The hash byte of each occupied slot, never 0; 0 marks an empty slot. */
  private byte[] tags = new byte[16];

  private int size;

  int size() {
    return size;
  }

  /** The leaf data for {@code key}, or {@code null}. */
  byte[] get(byte[] key) {
    long h = hash(key, 0, key.length);
    byte tag = tag(h);
    int mask = tags.length - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      byte t = tags[i];
      if (t == 0) {
        return null;
      }
      if (t == tag && LeafNode.preimageEquals(entries[i], key)) {
        return entries[i];
      }
    }
  }

  /**
   * Adds or replaces the entry for the preimage in {@code data}. An entry with the same value is
   * kept, as the trie keeps the leaf it belongs to when a value is rewritten unchanged.
   */
  void put(byte[] data) {
    int off = LeafNode.keyOffset(data);
    long h = hash(data, off, LeafNode.keyLength(data));
    byte tag = tag(h);
    int mask = tags.length - 1;
    int i = (int) h & mask;
    while (tags[i] != 0) {
      if (tags[i] == tag && LeafNode.samePreimage(entries[i], data)) {
        if (!LeafNode.sameValue(entries[i], data)) {
          entries[i] = data;
        }
        return;
      }
      i = (i + 1) & mask;
    }
    tags[i] = tag;
    entries[i] = data;
    if (++size > tags.length / 4 * 3) {
      resize(tags.length * 2);
    }
  }

  void remove(byte[] key) {
    long h = hash(key, 0, key.length);
    byte tag = tag(h);
    int mask = tags.length - 1;
    int i = (int) h & mask;
    while (true) {
      if (tags[i] == 0) {
        return;
      }
      if (tags[i] == tag && LeafNode.preimageEquals(entries[i], key)) {
        break;
      }
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the run into the gap when their home slot
    // allows, so lookups never stop early at a hole.
    int gap = i;
    for (int j = (gap + 1) & mask; tags[j] != 0; j = (j + 1) & mask) {
      int home = homeSlot(entries[j], mask);
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        tags[gap] = tags[j];
        entries[gap] = entries[j];
        gap = j;
      }
    }
    tags[gap] = 0;
    entries[gap] = null;
    size--;
  }

  private void resize(int capacity) {
    byte[][] oldEntries = entries;
    entries = new byte[capacity][];
    tags = new byte[capacity];
    int mask = capacity - 1;
    for (byte[] data : oldEntries) {
      if (data != null) {
        long h = hash(data, LeafNode.keyOffset(data), LeafNode.keyLength(data));
        int i = (int) h & mask;
        while (tags[i] != 0) {
          i = (i + 1) & mask;
        }
        tags[i] = tag(h);
        entries[i] = data;
      }
    }
  }

  private static int homeSlot(byte[] data, int mask) {
    return (int) hash(data, LeafNode.keyOffset(data), LeafNode.keyLength(data)) & mask;
  }

  /** The top byte of the hash, made non-zero; the slot comes from the low bits. */
  private static byte tag(long h) {
    byte t = (byte) (h >>> 56);
    return t == 0 ? 1 : t;
  }

  /**
   * A 64-bit hash of {@code a[off..off+len)}: keys are often small numbers (slots 0, 1, 2), so the
   * bits are mixed rather than taken as they are.
   */
  static long hash(byte[] a, int off, int len) {
    long h = len * 0x9E3779B97F4A7C15L;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      h = Long.rotateLeft(h ^ ((long) LONGS.get(a, off + i) * 0xC2B2AE3D27D4EB4FL), 31);
      h *= 0x9E3779B97F4A7C15L;
    }
    if (i < len) {
      long tail = 0;
      for (int k = len - 1; k >= i; k--) {
        tail = (tail << 8) | (a[off + k] & 0xFF);
      }
      h = Long.rotateLeft(h ^ (tail * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
    }
    // The finalizer of MurmurHash3, so every output bit depends on every input bit.
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  @Override
  public String toString() {
    return "KeyIndex[size=" + size + ", capacity=" + tags.length + "]";
  }

  /** For tests: whether every entry is reachable from its home slot (no holes in its run). */
  boolean isConsistent() {
    int mask = tags.length - 1;
    int count = 0;
    for (int j = 0; j < tags.length; j++) {
      if (tags[j] == 0) {
        continue;
      }
      count++;
      for (int i = homeSlot(entries[j], mask); i != j; i = (i + 1) & mask) {
        if (tags[i] == 0) {
          return false;
        }
      }
    }
    return count == size && Arrays.stream(entries).filter(e -> e != null).count() == size;
  }
}
