package org.megaeth.trie.patricia;

/**
 * A node known only by its hash: it lives in the node store or in a witness and is loaded when a
 * read or an update needs it. Hashing never needs to load it, since its reference is its hash.
 */
final class HashNode extends Node {
  HashNode(byte[] hash) {
    setHash(hash, 0);
    markPersisted();
  }
}
