package org.megaeth.trie.state;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable hash map whose updates return a new map sharing all but the changed path (a CHAMP
 * hash array mapped trie: Steindorfer and Vinju, OOPSLA 2015). It lets the world state hand out a
 * frozen view of its storage tries in O(1): the live state replaces its map at each commit, in
 * O(log32 n) per account whose storage changed, and a view keeps the map it was given. A {@code
 * HashMap} copy of a million entries per block would cost tens of milliseconds (docs/benchmarks.md,
 * "frozen state").
 *
 * <p>Each node has a bitmap of the 32 hash slots holding an inlined entry (key and value side by
 * side in its array) and one of those holding a sub-node (at the end of the array, in reverse), so
 * an entry costs two array slots and no entry object. Keys whose 32-bit hashes are equal end in a
 * collision node. Removal keeps the tree compact: a sub-node left with a single entry is inlined in
 * its parent. Null keys and values are not allowed. Immutable and so thread-safe.
 */
final class PersistentMap<K, V> {
  private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(BitmapNode.EMPTY, 0);

  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;

  private final Node root;
  private final int size;

  private PersistentMap(Node root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <K, V> PersistentMap<K, V> empty() {
    return (PersistentMap<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(Object key) {
    return (V) root.get(key, hash(key), 0);
  }

  /** This map with {@code key} mapped to {@code value}; this map itself when it already is. */
  PersistentMap<K, V> put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    boolean[] added = {false};
    Node newRoot = root.put(key, value, hash(key), 0, added);
    return newRoot == root ? this : new PersistentMap<>(newRoot, added[0] ? size + 1 : size);
  }

  /** This map without {@code key}; this map itself when it has no such key. */
  PersistentMap<K, V> remove(Object key) {
    Node newRoot = root.remove(key, hash(key), 0);
    return newRoot == root ? this : new PersistentMap<>(newRoot, size - 1);
  }

  /** Calls {@code action} for every entry, in no particular order. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<? super K, ? super V> action) {
    root.forEach((BiConsumer<Object, Object>) action);
  }

  /** Spreads the key's hash: address hash codes are polynomial and vary most in the low bits. */
  private static int hash(Object key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private abstract static sealed class Node permits BitmapNode, CollisionNode {
    abstract Object get(Object key, int hash, int shift);

    /** Returns this node when nothing changed; sets {@code added[0]} when the key was new. */
    abstract Node put(Object key, Object value, int hash, int shift, boolean[] added);

    /** Returns this node when the key is absent. */
    abstract Node remove(Object key, int hash, int shift);

    /** The number of entries when at most one, else 2: whether a parent should inline it. */
    abstract int arity();

    abstract Object singleKey();

    abstract Object singleValue();

    abstract void forEach(BiConsumer<Object, Object> action);
  }

  private static final class BitmapNode extends Node {
    static final BitmapNode EMPTY = new BitmapNode(0, 0, new Object[0]);

    /** Hash slots holding an inlined entry at {@code content[2 * index]}. */
    final int dataMap;

    /** Hash slots holding a sub-node at {@code content[length - 1 - index]}. */
    final int nodeMap;

    final Object[] content;

    BitmapNode(int dataMap, int nodeMap, Object[] content) {
      this.dataMap = dataMap;
      this.nodeMap = nodeMap;
      this.content = content;
    }

    private int dataIndex(int bit) {
      return Integer.bitCount(dataMap & (bit - 1));
    }

    private int nodeIndex(int bit) {
      return content.length - 1 - Integer.bitCount(nodeMap & (bit - 1));
    }

    @Override
    Object get(Object key, int hash, int shift) {
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = 2 * dataIndex(bit);
        return content[i].equals(key) ? content[i + 1] : null;
      }
      if ((nodeMap & bit) != 0) {
        return ((Node) content[nodeIndex(bit)]).get(key, hash, shift + BITS);
      }
      return null;
    }

    @Override
    Node put(Object key, Object value, int hash, int shift, boolean[] added) {
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = 2 * dataIndex(bit);
        Object existing = content[i];
        if (existing.equals(key)) {
          if (content[i + 1] == value) {
            return this;
          }
          Object[] next = content.clone();
          next[i + 1] = value;
          return new BitmapNode(dataMap, nodeMap, next);
        }
        // Two keys in one slot: they move down into a new sub-node.
        added[0] = true;
        Node sub =
            merge(existing, content[i + 1], PersistentMap.hash(existing), key, value, hash, shift);
        return replaceEntryWithNode(bit, i, sub);
      }
      if ((nodeMap & bit) != 0) {
        int n = nodeIndex(bit);
        Node sub = (Node) content[n];
        Node newSub = sub.put(key, value, hash, shift + BITS, added);
        if (newSub == sub) {
          return this;
        }
        Object[] next = content.clone();
        next[n] = newSub;
        return new BitmapNode(dataMap, nodeMap, next);
      }
      added[0] = true;
      int i = 2 * dataIndex(bit);
      Object[] next = new Object[content.length + 2];
      System.arraycopy(content, 0, next, 0, i);
      next[i] = key;
      next[i + 1] = value;
      System.arraycopy(content, i, next, i + 2, content.length - i);
      return new BitmapNode(dataMap | bit, nodeMap, next);
    }

    @Override
    Node remove(Object key, int hash, int shift) {
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((dataMap & bit) != 0) {
        int i = 2 * dataIndex(bit);
        if (!content[i].equals(key)) {
          return this;
        }
        Object[] next = new Object[content.length - 2];
        System.arraycopy(content, 0, next, 0, i);
        System.arraycopy(content, i + 2, next, i, content.length - i - 2);
        return new BitmapNode(dataMap & ~bit, nodeMap, next);
      }
      if ((nodeMap & bit) != 0) {
        int n = nodeIndex(bit);
        Node sub = (Node) content[n];
        Node newSub = sub.remove(key, hash, shift + BITS);
        if (newSub == sub) {
          return this;
        }
        if (newSub.arity() == 1) {
          // Inline the last entry of the sub-node here, where its hash slot is.
          return replaceNodeWithEntry(bit, n, newSub.singleKey(), newSub.singleValue());
        }
        Object[] next = content.clone();
        next[n] = newSub;
        return new BitmapNode(dataMap, nodeMap, next);
      }
      return this;
    }

    private Node replaceEntryWithNode(int bit, int dataPos, Node sub) {
      Object[] next = new Object[content.length - 1];
      // entries before and after the removed one, then the sub-nodes with the new one in place
      System.arraycopy(content, 0, next, 0, dataPos);
      int nodeStart = content.length - Integer.bitCount(nodeMap);
      System.arraycopy(content, dataPos + 2, next, dataPos, nodeStart - dataPos - 2);
      int newNodeStart = nodeStart - 2;
      int newNodeMap = nodeMap | bit;
      int insertAt = next.length - 1 - Integer.bitCount(newNodeMap & (bit - 1));
      // sub-nodes are stored in reverse slot order from the end: copy around insertAt
      System.arraycopy(content, nodeStart, next, newNodeStart, insertAt - newNodeStart);
      next[insertAt] = sub;
      System.arraycopy(
          content,
          nodeStart + insertAt - newNodeStart,
          next,
          insertAt + 1,
          next.length - insertAt - 1);
      return new BitmapNode(dataMap & ~bit, newNodeMap, next);
    }

    private Node replaceNodeWithEntry(int bit, int nodePos, Object key, Object value) {
      Object[] next = new Object[content.length + 1];
      int newDataMap = dataMap | bit;
      int dataPos = 2 * Integer.bitCount(newDataMap & (bit - 1));
      System.arraycopy(content, 0, next, 0, dataPos);
      next[dataPos] = key;
      next[dataPos + 1] = value;
      int nodeStart = content.length - Integer.bitCount(nodeMap);
      System.arraycopy(content, dataPos, next, dataPos + 2, nodeStart - dataPos);
      // the sub-nodes, without the one at nodePos
      int out = nodeStart + 2;
      for (int j = nodeStart; j < content.length; j++) {
        if (j != nodePos) {
          next[out++] = content[j];
        }
      }
      return new BitmapNode(newDataMap, nodeMap & ~bit, next);
    }

    @Override
    int arity() {
      return nodeMap == 0 ? Math.min(2, Integer.bitCount(dataMap)) : 2;
    }

    @Override
    Object singleKey() {
      return content[0];
    }

    @Override
    Object singleValue() {
      return content[1];
    }

    @Override
    void forEach(BiConsumer<Object, Object> action) {
      int entries = 2 * Integer.bitCount(dataMap);
      for (int i = 0; i < entries; i += 2) {
        action.accept(content[i], content[i + 1]);
      }
      for (int i = entries; i < content.length; i++) {
        ((Node) content[i]).forEach(action);
      }
    }
  }

  /**
   * A node, one level below {@code shift}, for two entries that share a hash slot there. Levels use
   * shifts 0, 5, .., 30; keys that agree on all of them have equal hashes and go to a collision
   * node (a shift of 35 would wrap around in Java).
   */
  private static Node merge(Object k1, Object v1, int h1, Object k2, Object v2, int h2, int shift) {
    int s = shift + BITS;
    if (s >= 32) {
      return new CollisionNode(h1, new Object[] {k1, v1, k2, v2});
    }
    int m1 = (h1 >>> s) & MASK;
    int m2 = (h2 >>> s) & MASK;
    if (m1 != m2) {
      Object[] content = m1 < m2 ? new Object[] {k1, v1, k2, v2} : new Object[] {k2, v2, k1, v1};
      return new BitmapNode((1 << m1) | (1 << m2), 0, content);
    }
    return new BitmapNode(0, 1 << m1, new Object[] {merge(k1, v1, h1, k2, v2, h2, s)});
  }

  /** Entries whose whole 32-bit hashes are equal, in a flat key-value array. */
  private static final class CollisionNode extends Node {
    final int hash;
    final Object[] kvs;

    CollisionNode(int hash, Object[] kvs) {
      this.hash = hash;
      this.kvs = kvs;
    }

    private int find(Object key) {
      for (int i = 0; i < kvs.length; i += 2) {
        if (kvs[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    Object get(Object key, int h, int shift) {
      int i = h == hash ? find(key) : -1;
      return i < 0 ? null : kvs[i + 1];
    }

    @Override
    Node put(Object key, Object value, int h, int shift, boolean[] added) {
      int i = find(key);
      if (i >= 0) {
        if (kvs[i + 1] == value) {
          return this;
        }
        Object[] next = kvs.clone();
        next[i + 1] = value;
        return new CollisionNode(hash, next);
      }
      added[0] = true;
      Object[] next = Arrays.copyOf(kvs, kvs.length + 2);
      next[kvs.length] = key;
      next[kvs.length + 1] = value;
      return new CollisionNode(hash, next);
    }

    @Override
    Node remove(Object key, int h, int shift) {
      int i = h == hash ? find(key) : -1;
      if (i < 0) {
        return this;
      }
      Object[] next = new Object[kvs.length - 2];
      System.arraycopy(kvs, 0, next, 0, i);
      System.arraycopy(kvs, i + 2, next, i, kvs.length - i - 2);
      return new CollisionNode(hash, next);
    }

    @Override
    int arity() {
      return Math.min(2, kvs.length / 2);
    }

    @Override
    Object singleKey() {
      return kvs[0];
    }

    @Override
    Object singleValue() {
      return kvs[1];
    }

    @Override
    void forEach(BiConsumer<Object, Object> action) {
      for (int i = 0; i < kvs.length; i += 2) {
        action.accept(kvs[i], kvs[i + 1]);
      }
    }
  }
}
