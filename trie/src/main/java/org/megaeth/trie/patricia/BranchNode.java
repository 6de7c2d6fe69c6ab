package org.megaeth.trie.patricia;

/** A 16-way fork on the next nibble, with the value of a key that ends here (plain tries only). */
final class BranchNode extends Node {
  /**
   * Sixteen children, {@code null} where empty. Never mutated after construction, so two branches
   * may share one array.
   */
  final Node[] children;

  /** The value of the key ending at this branch, or {@code null}. Never mutated. */
  final byte[] value;

  BranchNode(Node[] children, byte[] value) {
    this.children = children;
    this.value = value;
  }

  int entryCount() {
    int count = value == null ? 0 : 1;
    for (Node child : children) {
      if (child != null) {
        count++;
      }
    }
    return count;
  }
}
