package org.megaeth.trie.patricia;

/**
 * A 16-way fork on the next nibble, with the value of a key that ends here (plain tries only).
 *
 * <p>Only the present children are stored, in nibble order, with a bit mask of which nibbles they
 * are: below the top levels of a large trie a branch has three or four children, so this takes
 * about 32 bytes instead of the 80 of a 16-slot array (docs/benchmarks.md, "world state memory").
 */
final class BranchNode extends Node {
  /** Bit {@code i} is set when there is a child at nibble {@code i}. */
  final short mask;

  /** The present children in nibble order. Never mutated, so two branches may share it. */
  final Node[] children;

  /** The value of the key ending at this branch, or {@code null}. Never mutated. */
  final byte[] value;

  private BranchNode(short mask, Node[] children, byte[] value) {
    this.mask = mask;
    this.children = children;
    this.value = value;
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
    return new BranchNode((short) mask, children, value);
  }

  /** The child at {@code nibble}, or {@code null}. */
  Node child(int nibble) {
    int bit = 1 << nibble;
    int m = mask & 0xFFFF;
    return (m & bit) == 0 ? null : children[Integer.bitCount(m & (bit - 1))];
  }

  /** This branch with the child at {@code nibble} replaced, added, or removed (null). */
  BranchNode withChild(int nibble, Node child) {
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
    return new BranchNode((short) m, next, value);
  }

  /** This branch's children and a new value. */
  BranchNode withValue(byte[] newValue) {
    return new BranchNode(mask, children, newValue);
  }

  /** The children as sixteen slots, {@code null} where empty (a new array). */
  Node[] expand() {
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

  int entryCount() {
    return children.length + (value == null ? 0 : 1);
  }
}
