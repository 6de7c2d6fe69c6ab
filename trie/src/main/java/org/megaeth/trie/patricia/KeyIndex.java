package org.megaeth.trie.patricia;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

  /**
   * Slots per chunk. A table of one array per field would be a humongous object for G1 once it
   * outgrows half a region (at a million entries its 8 MiB reference array took two 8 MiB regions,
   * about 7 bytes per entry of slack; docs/benchmarks.md, "world state memory"). A chunk's
   * reference array is 256 KiB (512 KiB without compressed oops), under half of G1's smallest
   * region (1 MiB), so no array of the table is humongous at any size.
   */
  static final int CHUNK_SIZE = 1 << 16;

  private static final int CHUNK_SHIFT = Integer.numberOfTrailingZeros(CHUNK_SIZE);
  private static final int CHUNK_MASK = CHUNK_SIZE - 1;

  /** The table's slot count, a power of two; slot {@code i} is in chunk {@code i >>> 16}. */
  private int capacity = 16;

  /** The leaf data of each slot, by chunk; a table smaller than a chunk has one short chunk. */
  private byte[][][] entries = {new byte[16][]};

  /** The hash byte of each occupied slot, never 0; 0 marks an empty slot. Chunked as entries. */
  private byte[][] tags = {new byte[16]};

  private int size;

  int size() {
    return size;
  }

  /** The leaf data for {@code key}, or {@code null}. */
  byte[] get(byte[] key) {
    long h = hash(key, 0, key.length);
    byte tag = tag(h);
    int mask = capacity - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      byte t = tagAt(i);
      if (t == 0) {
        return null;
      }
      if (t == tag) {
        byte[] data = entryAt(i);
        if (LeafNode.preimageEquals(data, key)) {
          return data;
        }
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
    int mask = capacity - 1;
    int i = (int) h & mask;
    for (byte t = tagAt(i); t != 0; t = tagAt(i)) {
      if (t == tag) {
        byte[] old = entryAt(i);
        if (LeafNode.samePreimage(old, data)) {
          if (!LeafNode.sameValue(old, data)) {
            set(i, tag, data);
          }
          return;
        }
      }
      i = (i + 1) & mask;
    }
    set(i, tag, data);
    if (++size > capacity / 4 * 3) {
      resize(capacity * 2);
    }
  }

  void remove(byte[] key) {
    long h = hash(key, 0, key.length);
    byte tag = tag(h);
    int mask = capacity - 1;
    int i = (int) h & mask;
    while (true) {
      byte t = tagAt(i);
      if (t == 0) {
        return;
      }
      if (t == tag && LeafNode.preimageEquals(entryAt(i), key)) {
        break;
      }
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the run into the gap when their home slot
    // allows, so lookups never stop early at a hole.
    int gap = i;
    for (int j = (gap + 1) & mask; tagAt(j) != 0; j = (j + 1) & mask) {
      byte[] data = entryAt(j);
      int home = homeSlot(data, mask);
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        set(gap, tagAt(j), data);
        gap = j;
      }
    }
    set(gap, (byte) 0, null);
    size--;
  }

  private byte tagAt(int slot) {
    return tags[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK];
  }

  private byte[] entryAt(int slot) {
    return entries[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK];
  }

  private void set(int slot, byte tag, byte[] data) {
    tags[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK] = tag;
    entries[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK] = data;
  }

  private void resize(int newCapacity) {
    byte[][][] oldEntries = entries;
    int chunks = Math.max(1, newCapacity / CHUNK_SIZE);
    int chunkLength = Math.min(newCapacity, CHUNK_SIZE);
    entries = new byte[chunks][chunkLength][];
    tags = new byte[chunks][chunkLength];
    capacity = newCapacity;
    int mask = newCapacity - 1;
    for (byte[][] chunk : oldEntries) {
      for (byte[] data : chunk) {
        if (data != null) {
          long h = hash(data, LeafNode.keyOffset(data), LeafNode.keyLength(data));
          int i = (int) h & mask;
          while (tagAt(i) != 0) {
            i = (i + 1) & mask;
          }
          set(i, tag(h), data);
        }
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
    return "KeyIndex[size=" + size + ", capacity=" + capacity + "]";
  }

  /** For tests: whether every entry is reachable from its home slot (no holes in its run). */
  boolean isConsistent() {
    int mask = capacity - 1;
    int count = 0;
    for (int j = 0; j < capacity; j++) {
      if (tagAt(j) == 0) {
        if (entryAt(j) != null) {
          return false;
        }
        continue;
      }
      count++;
      for (int i = homeSlot(entryAt(j), mask); i != j; i = (i + 1) & mask) {
        if (tagAt(i) == 0) {
          return false;
        }
      }
    }
    return count == size;
  }

  /** For tests: the slot holding {@code key}, or -1. */
  int slotOf(byte[] key) {
    for (int j = 0; j < capacity; j++) {
      if (tagAt(j) != 0 && LeafNode.preimageEquals(entryAt(j), key)) {
        return j;
      }
    }
    return -1;
  }

  /** For tests: the slot count of the table. */
  int capacity() {
    return capacity;
  }
}
