package org.megaeth.trie.patricia;

/** The end of a key: the nibbles left after the parent's position, and the value. */
final class LeafNode extends Node {
  /** Remaining key nibbles, one per byte (possibly empty). Never mutated. */
  final byte[] path;

  /** The value, never empty (an empty value means "absent" in Ethereum tries). Never mutated. */
  final byte[] value;

  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }
}
