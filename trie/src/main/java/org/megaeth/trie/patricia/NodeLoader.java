package org.megaeth.trie.patricia;

import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.NodeStore;

/**
 * Where a trie finds the nodes it knows only by hash. Implementations return the raw encoding or
 * {@code null}; the trie checks the hash itself. Must be safe to call from several threads.
 */
@FunctionalInterface
interface NodeLoader {
  /** A trie whose nodes are all in memory never loads anything. */
  NodeLoader NONE = (path, hash) -> null;

  /**
   * @param path the node's nibbles from the root (one per byte); do not modify
   * @param hash the node's hash; do not modify
   */
  byte[] load(byte[] path, byte[] hash);

  /** Path-keyed: the store holds one version of each position. */
  static NodeLoader of(NodeStore store) {
    return (path, hash) -> {
      Optional<Bytes> found = store.get(Bytes.wrap(path));
      return found.map(Bytes::toArrayUnsafe).orElse(null);
    };
  }

  /** Hash-keyed: a witness or proof set. */
  static NodeLoader of(Map<Hash, Bytes> nodes) {
    return (path, hash) -> {
      Bytes found = nodes.get(Hash.wrap(hash));
      return found == null ? null : found.toArrayUnsafe();
    };
  }
}
