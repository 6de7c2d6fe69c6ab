package org.megaeth.trie.patricia;

/**
 * A 16-way fork on the next nibble.
 *
 * <p>Only the present children are stored, in nibble order, with a bit mask of which nibbles they
 * are: below the top levels of a large trie most branches have two or three children (at 1M random
 * keys, 0.21 two-child and 0.05 three-child branches per key, against 0.08 with more), so a 16-slot
 * array would cost 80 bytes where these need 8 to 12 (docs/benchmarks.md, "world state memory").
 * The classes hold them three ways, chosen by {@link #of}:
 *
 * <ul>
 *   <li>{@link SmallBranchNode}: two or three children in fields, 56 bytes in all (with compact
 *       object headers and compressed references, as the launcher runs the node on JDK 25 and a
 *       heap under 32 GB);
 *   <li>{@link ArrayBranchNode}: more children, in an array (48 bytes and 16 + 4 per child);
 *   <li>{@link ValueBranchNode}: any children in an array, and the value of a key that ends at the
 *       branch. Only a plain trie whose keys are prefixes of one another has one; a secure trie's
 *       keys all hash to 64 nibbles, so the world state's branches have no field for a value.
 * </ul>
 *
 * <p>Branches are immutable: an update builds a new one, of whichever class fits its new content.
 */
abstract sealed class BranchNode extends Node
    permits SmallBranchNode, ArrayBranchNode, ValueBranchNode {
  /** Bit {@code i} is set when there is a child at nibble {@code i}. */
  final short mask;

  BranchNode(short mask) {
    this.mask = mask;
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

  /**
   * A branch over {@code children} in nibble order, present where {@code mask} has a bit; the array
   * is kept by an {@link ArrayBranchNode} or {@link ValueBranchNode}.
   */
  private static BranchNode of(short mask, Node[] children, byte[] value) {
    if (value != null) {
      return new ValueBranchNode(mask, children, value);
    }
    return switch (children.length) {
      case 2 -> new SmallBranchNode(mask, children[0], children[1], null);
      case 3 -> new SmallBranchNode(mask, children[0], children[1], children[2]);
      default -> new ArrayBranchNode(mask, children); // fewer than two: rejected by the decoder
    };
  }

  /** The {@code index}-th present child in nibble order, {@code 0 <= index < childCount()}. */
  abstract Node childAt(int index);

  /** This branch with its {@code index}-th present child replaced by {@code child} (not null). */
  abstract BranchNode withChildAt(int index, Node child);

  /** The value of the key ending at this branch, or {@code null}. Never mutated. */
  byte[] value() {
    return null;
  }

  final int childCount() {
    return Integer.bitCount(mask & 0xFFFF);
  }

  /** The child at {@code nibble}, or {@code null}. */
  final Node child(int nibble) {
    int bit = 1 << nibble;
    int m = mask & 0xFFFF;
    return (m & bit) == 0 ? null : childAt(Integer.bitCount(m & (bit - 1)));
  }

  /** This branch with the child at {@code nibble} replaced, added, or removed (null). */
  final BranchNode withChild(int nibble, Node child) {
    int bit = 1 << nibble;
    int m = mask & 0xFFFF;
    int index = Integer.bitCount(m & (bit - 1));
    if ((m & bit) != 0 && child != null) {
      return withChildAt(index, child); // the common update: same shape, no array built
    }
    if ((m & bit) == 0 && child == null) {
      return this;
    }
    int count = childCount();
    Node[] next;
    if (child == null) {
      next = new Node[count - 1];
      for (int i = 0, j = 0; i < count; i++) {
        if (i != index) {
          next[j++] = childAt(i);
        }
      }
      m &= ~bit;
    } else {
      next = new Node[count + 1];
      for (int i = 0, j = 0; j < next.length; j++) {
        next[j] = j == index ? child : childAt(i++);
      }
      m |= bit;
    }
    return of((short) m, next, value());
  }

  /** This branch's children and a new value ({@code null}: none). */
  final BranchNode withValue(byte[] newValue) {
    Node[] children = new Node[childCount()];
    for (int i = 0; i < children.length; i++) {
      children[i] = childAt(i);
    }
    return of(mask, children, newValue);
  }

  /** The children as sixteen slots, {@code null} where empty (a new array). */
  final Node[] expand() {
    Node[] out = new Node[16];
    int m = mask & 0xFFFF;
    int j = 0;
    for (int i = 0; i < 16; i++) {
      if ((m & (1 << i)) != 0) {
        out[i] = childAt(j++);
      }
    }
    return out;
  }

  final int entryCount() {
    return childCount() + (value() == null ? 0 : 1);
  }

  /** A copy of {@code children} with the one at {@code index} replaced by {@code child}. */
  static Node[] replaced(Node[] children, int index, Node child) {
    Node[] next = children.clone();
    next[index] = child;
    return next;
  }
}
