package org.megaeth.trie.patricia;

/** A shared run of nibbles leading to a branch. */
final class ExtensionNode extends Node {
  /** The shared nibbles, one per byte, never empty. Never mutated. */
  final byte[] path;

  /** A branch, or a {@link HashNode} standing for one. */
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }
}
