package org.megaeth.trie.patricia;

/**
 * A branch with two or three children and no value, held in fields rather than an array: 56 bytes
 * (with compact object headers and compressed references; 64 without compact headers), where an
 * {@link ArrayBranchNode} would take 48 and an array of 24 or 32. Most branches of a large secure
 * trie are of this kind; see {@link BranchNode}.
 */
final class SmallBranchNode extends BranchNode {
  private final Node first;
  private final Node second;

  /** {@code null} when the branch has two children. */
  private final Node third;

  SmallBranchNode(short mask, Node first, Node second, Node third) {
    super(mask);
    this.first = first;
    this.second = second;
    this.third = third;
  }

  @Override
  Node childAt(int index) {
    return switch (index) {
      case 0 -> first;
      case 1 -> second;
      case 2 -> third;
      default -> throw new IndexOutOfBoundsException(index);
    };
  }

  @Override
  BranchNode withChildAt(int index, Node child) {
    return new SmallBranchNode(
        mask, index == 0 ? child : first, index == 1 ? child : second, index == 2 ? child : third);
  }
}
