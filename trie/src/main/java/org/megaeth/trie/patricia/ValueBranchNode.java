package org.megaeth.trie.patricia;

/**
 * A branch at which a key also ends, with any number of children: plain tries only (see {@link
 * BranchNode}). {@link BranchNode#of} builds one exactly when the value is not {@code null}.
 */
final class ValueBranchNode extends BranchNode {
  /** The present children in nibble order. Never mutated. */
  private final Node[] children;

  /** The value of the key ending at this branch, never {@code null}. Never mutated. */
  private final byte[] value;

  ValueBranchNode(short mask, Node[] children, byte[] value) {
    super(mask);
    this.children = children;
    this.value = value;
  }

  @Override
  Node childAt(int index) {
    return children[index];
  }

  @Override
  BranchNode withChildAt(int index, Node child) {
    return new ValueBranchNode(mask, replaced(children, index, child), value);
  }

  @Override
  byte[] value() {
    return value;
  }
}
