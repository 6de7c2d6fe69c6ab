package org.megaeth.trie.patricia;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.tuweni.bytes.Bytes;

/**
 * A secure trie's leaves by key preimage: reads without keccak and without walking the trie, so the
 * world state needs no flat copy of its values (docs/benchmarks.md, "world state memory"). It holds
 * what the trie's leaves keep their keys and values in ({@link LeafNode#indexEntry}: an array
 * leaf's data array, or a leaf holding them in fields), so it costs a reference and a byte per slot
 * of its table (5 to 10 bytes per entry) and no copy of keys or values. The trie reports every leaf
 * it creates for a key, including a leaf moved to another depth, so that the index refers to the
 * leaf in the trie and keeps no replaced one alive.
 *
 * <p>Open addressing with linear probing, at most 3/4 full, with a byte of the key's hash per slot
 * so that a probe dereferences a leaf only when that byte matches. Removal shifts the following
 * entries back, so there are no tombstones. Not thread-safe.
 *
 * <p>The table grows by 3/2 and 4/3 in turn (16, 24, 32, 48, 64, ...), not by doubling, so it is
 * between 9/16 and 3/4 full rather than between 3/8 and 3/4: the references are most of its bytes,
 * 4 each, or 8 where references are not compressed (ZGC, heaps of 32 GB and more). At a million
 * slots a doubling table was 48% full, ~10.5 bytes per entry; this one is 64% full
 * (docs/benchmarks.md, "trie: heap bytes"). A slot count that is not a power of two maps a hash to
 * its home slot by multiplying (Lemire's fast range reduction) rather than masking.
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

  /**
   * The table's slot count: a power of two or three times one; slot {@code i} is in chunk {@code i
   * >>> 16}, and the last chunk is shorter when the count is not a multiple of {@link #CHUNK_SIZE}.
   */
  private int capacity = 16;

  /**
   * The entry of each slot, by chunk ({@link LeafNode#indexEntry}: a {@code byte[]} of {@link
   * ArrayLeafNode} data or a {@link LeafNode}); a table smaller than a chunk has one short chunk, a
   * larger one may end with one.
   */
  private Object[][] entries = {new Object[16]};

  /** The hash byte of each occupied slot, never 0; 0 marks an empty slot. Chunked as entries. */
  private byte[][] tags = {new byte[16]};

  private int size;

  int size() {
    return size;
  }

  /** The value for {@code key}, or {@code null}. Benchmark before refactoring. */
  Bytes get(byte[] key) {
    Object entry = entry(key);
    if (entry == null) {
      return null;
    }
    return entry instanceof byte[] data ? ArrayLeafNode.value(data) : ((LeafNode) entry).value();
  }

  /** The entry for {@code key}, or {@code null}. */
  Object entry(byte[] key) {
    long h = hash(key, 0, key.length);
    byte tag = tag(h);
    for (int i = homeSlot(h, capacity); ; i = next(i)) {
      byte t = tagAt(i);
      if (t == 0) {
        return null;
      }
      if (t == tag) {
        Object entry = entryAt(i);
        if (hasKey(entry, key)) {
          return entry;
        }
      }
    }
  }

  /** Adds the entry for a preimage leaf, or replaces the one with the same preimage. */
  void put(LeafNode leaf) {
    Object entry = leaf.indexEntry();
    long h = leaf.preimageHash();
    byte tag = tag(h);
    int i = homeSlot(h, capacity);
    for (byte t = tagAt(i); t != 0; t = tagAt(i)) {
      if (t == tag && samePreimage(entryAt(i), leaf)) {
        set(i, tag, entry);
        return;
      }
      i = next(i);
    }
    set(i, tag, entry);
    if (++size > capacity / 4 * 3) {
      resize(grown(capacity));
    }
  }

  void remove(byte[] key) {
    long h = hash(key, 0, key.length);
    byte tag = tag(h);
    int i = homeSlot(h, capacity);
    while (true) {
      byte t = tagAt(i);
      if (t == 0) {
        return;
      }
      if (t == tag && hasKey(entryAt(i), key)) {
        break;
      }
      i = next(i);
    }
    // Backward-shift deletion: move later entries of the run into the gap when their home slot
    // allows, so lookups never stop early at a hole.
    int gap = i;
    for (int j = next(gap); tagAt(j) != 0; j = next(j)) {
      Object entry = entryAt(j);
      int home = homeSlot(hashOf(entry), capacity);
      if (distance(home, j) >= distance(gap, j)) {
        set(gap, tagAt(j), entry);
        gap = j;
      }
    }
    set(gap, (byte) 0, null);
    size--;
  }

  private byte tagAt(int slot) {
    return tags[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK];
  }

  private static boolean hasKey(Object entry, byte[] key) {
    return entry instanceof byte[] data
        ? ArrayLeafNode.preimageEquals(data, key, 0, key.length)
        : ((LeafNode) entry).preimageEquals(key);
  }

  private static boolean samePreimage(Object entry, LeafNode leaf) {
    return entry instanceof byte[] data
        ? ArrayLeafNode.samePreimage(data, leaf)
        : ((LeafNode) entry).samePreimage(leaf);
  }

  private static long hashOf(Object entry) {
    return entry instanceof byte[] data
        ? ArrayLeafNode.preimageHash(data)
        : ((LeafNode) entry).preimageHash();
  }

  private Object entryAt(int slot) {
    return entries[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK];
  }

  private void set(int slot, byte tag, Object entry) {
    tags[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK] = tag;
    entries[slot >>> CHUNK_SHIFT][slot & CHUNK_MASK] = entry;
  }

  private void resize(int newCapacity) {
    Object[][] oldEntries = entries;
    int chunks = (newCapacity + CHUNK_SIZE - 1) / CHUNK_SIZE;
    entries = new Object[chunks][];
    tags = new byte[chunks][];
    for (int c = 0; c < chunks; c++) {
      int length = Math.min(CHUNK_SIZE, newCapacity - c * CHUNK_SIZE); // the last may be shorter
      entries[c] = new Object[length];
      tags[c] = new byte[length];
    }
    capacity = newCapacity;
    for (Object[] chunk : oldEntries) {
      for (Object entry : chunk) {
        if (entry != null) {
          long h = hashOf(entry);
          int i = homeSlot(h, newCapacity);
          while (tagAt(i) != 0) {
            i = next(i);
          }
          set(i, tag(h), entry);
        }
      }
    }
  }

  /**
   * The slot a key of hash {@code h} is looked for from: the low 32 bits scaled to the table (the
   * tag is the top byte, so the two stay independent).
   */
  static int homeSlot(long h, int capacity) {
    return (int) (((h & 0xFFFFFFFFL) * capacity) >>> 32);
  }

  /** The slot after {@code slot}, wrapping at the table's end. */
  private int next(int slot) {
    int n = slot + 1;
    return n == capacity ? 0 : n;
  }

  /** How many slots on from {@code from} to {@code to}, wrapping at the table's end. */
  private int distance(int from, int to) {
    int d = to - from;
    return d >= 0 ? d : d + capacity;
  }

  /**
   * The next table size: a power of two grows by 3/2, three times one by 4/3 to the next power of
   * two.
   */
  static int grown(int capacity) {
    return Integer.bitCount(capacity) == 1 ? capacity / 2 * 3 : capacity / 3 * 4;
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
      h = mix(h, (long) LONGS.get(a, off + i));
    }
    if (i < len) {
      long tail = 0;
      for (int k = len - 1; k >= i; k--) {
        tail = (tail << 8) | (a[off + k] & 0xFF);
      }
      h = mix(h, tail);
    }
    return finish(h);
  }

  /**
   * {@link #hash(byte[], int, int)} of a 32-byte key given as its four longs, read little-endian
   * ({@link SlotLeafNode}).
   */
  static long hash(long k0, long k1, long k2, long k3) {
    long h = 32 * 0x9E3779B97F4A7C15L;
    h = mix(h, k0);
    h = mix(h, k1);
    h = mix(h, k2);
    h = mix(h, k3);
    return finish(h);
  }

  private static long mix(long h, long word) {
    return Long.rotateLeft(h ^ (word * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
  }

  /** The finalizer of MurmurHash3, so every output bit depends on every input bit. */
  private static long finish(long h) {
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
    int count = 0;
    for (int j = 0; j < capacity; j++) {
      if (tagAt(j) == 0) {
        if (entryAt(j) != null) {
          return false;
        }
        continue;
      }
      count++;
      for (int i = homeSlot(hashOf(entryAt(j)), capacity); i != j; i = next(i)) {
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
      if (tagAt(j) != 0 && hasKey(entryAt(j), key)) {
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
