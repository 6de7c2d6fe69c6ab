package org.megaeth.trie.patricia;

/**
 * A trie node. Nodes are immutable once built except for two caches, so a trie can be copied in
 * O(1) and an update copies only the path it changes (geth does the same with its {@code
 * nodeFlags}). The kinds are a sealed hierarchy; it is an abstract class rather than an interface
 * because every kind carries the same two cache fields and the hashing loop reads them without a
 * virtual call.
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  /**
   * How a parent refers to this node: keccak256 of the encoding when the encoding is 32 bytes or
   * longer, else the encoding itself (an embedded node). {@code null} while the node is dirty.
   * Written once by the hasher; never mutated afterwards, so it may be shared.
   */
  byte[] ref;

  /**
   * True once the node is in the node store (it was loaded from there, or a commit wrote it). The
   * commit walk stops at persisted nodes, so a commit costs O(nodes changed since the last one).
   */
  boolean persisted;

  /** True when a parent refers to this node by hash rather than embedding it. */
  final boolean isHashed() {
    return ref.length == 32;
  }
}
