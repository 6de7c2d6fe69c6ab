package org.megaeth.trie.patricia;

/**
 * A 16-way fork on the next nibble.
 *
 * <p>Only the present children are stored, in nibble order, with a bit mask of which nibbles they
 * are: below the top levels of a large trie a branch has three or four children, so this takes
 * about 32 bytes instead of the 80 of a 16-slot array (docs/benchmarks.md, "world state memory").
 *
 * <p>A key can end at a branch only in a plain trie whose keys are prefixes of one another; a
 * secure trie's keys all hash to 64 nibbles, so its branches never hold a value. Such a value lives
 * in the subclass {@link ValueBranchNode}, and this class has no field for it: a branch is 56 bytes
 * instead of 64, and the world state has about 0.35 branches per entry.
 */
sealed class BranchNode extends Node permits ValueBranchNode {
  /** Bit {@code i} is set when there is a child at nibble {@code i}. */
  final short mask;

  /** The present children in nibble order. Never mutated, so two branches may share it. */
  final Node[] children;

  BranchNode(short mask, Node[] children) {
    this.mask = mask;
    this.children = children;
  }

  /** A branch over sixteen slots, {@code null} where empty; the array is not kept. */
  static BranchNode of(Node[] sixteen, byte[] value) {
    int mask = 0;
    int count = 0;
    for (int i = 0; i < 16; i++) {
      if (sixteen[i] != null) {
        mask |= 1 << i;
        count++;
      }
    }
    Node[] children = new Node[count];
    int j = 0;
    for (int i = 0; i < 16; i++) {
      if (sixteen[i] != null) {
        children[j++] = sixteen[i];
      }
    }
    return of((short) mask, children, value);
  }

  private static BranchNode of(short mask, Node[] children, byte[] value) {
    return value == null
        ? new BranchNode(mask, children)
        : new ValueBranchNode(mask, children, value);
  }

  /** The value of the key ending at this branch, or {@code null}. Never mutated. */
  byte[] value() {
    return null;
  }

  /** The child at {@code nibble}, or {@code null}. */
  final Node child(int nibble) {
    int bit = 1 << nibble;
    int m = mask & 0xFFFF;
    return (m & bit) == 0 ? null : children[Integer.bitCount(m & (bit - 1))];
  }

  /** This branch with the child at {@code nibble} replaced, added, or removed (null). */
  final BranchNode withChild(int nibble, Node child) {
    int bit = 1 << nibble;
    int m = mask & 0xFFFF;
    int index = Integer.bitCount(m & (bit - 1));
    Node[] next;
    if ((m & bit) != 0) {
      if (child == null) {
        next = new Node[children.length - 1];
        System.arraycopy(children, 0, next, 0, index);
        System.arraycopy(children, index + 1, next, index, children.length - index - 1);
        m &= ~bit;
      } else {
        next = children.clone();
        next[index] = child;
      }
    } else {
      if (child == null) {
        return this;
      }
      next = new Node[children.length + 1];
      System.arraycopy(children, 0, next, 0, index);
      next[index] = child;
      System.arraycopy(children, index, next, index + 1, children.length - index);
      m |= bit;
    }
    return of((short) m, next, value());
  }

  /** This branch's children and a new value ({@code null}: none). */
  final BranchNode withValue(byte[] newValue) {
    return of(mask, children, newValue);
  }

  /** The children as sixteen slots, {@code null} where empty (a new array). */
  final Node[] expand() {
    Node[] out = new Node[16];
    int m = mask & 0xFFFF;
    int j = 0;
    for (int i = 0; i < 16; i++) {
      if ((m & (1 << i)) != 0) {
        out[i] = children[j++];
      }
    }
    return out;
  }

  final int entryCount() {
    return children.length + (value() == null ? 0 : 1);
  }
}
