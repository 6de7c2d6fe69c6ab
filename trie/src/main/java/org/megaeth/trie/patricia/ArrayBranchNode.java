package org.megaeth.trie.patricia;

/** A branch with four or more children and no value; see {@link BranchNode}. */
final class ArrayBranchNode extends BranchNode {
  /** The present children in nibble order. Never mutated. */
  private final Node[] children;

  ArrayBranchNode(short mask, Node[] children) {
    super(mask);
    this.children = children;
  }

  @Override
  Node childAt(int index) {
    return children[index];
  }

  @Override
  BranchNode withChildAt(int index, Node child) {
    return new ArrayBranchNode(mask, replaced(children, index, child));
  }
}
