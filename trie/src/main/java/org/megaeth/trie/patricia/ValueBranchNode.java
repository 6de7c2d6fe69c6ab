package org.megaeth.trie.patricia;

/**
 * A branch at which a key also ends: plain tries only (see {@link BranchNode}). Built by {@link
 * BranchNode#of} and {@link BranchNode#withValue} when the value is not {@code null}, so a branch
 * has this class exactly when it holds a value.
 */
final class ValueBranchNode extends BranchNode {
  /** The value of the key ending at this branch, never {@code null}. Never mutated. */
  private final byte[] value;

  ValueBranchNode(short mask, Node[] children, byte[] value) {
    super(mask, children);
    this.value = value;
  }

  @Override
  byte[] value() {
    return value;
  }
}
