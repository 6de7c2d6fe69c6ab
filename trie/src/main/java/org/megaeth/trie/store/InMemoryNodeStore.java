package org.megaeth.trie.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;

/**
 * A {@link NodeStore} in a concurrent map: for tests, for the prover and for building a trie in
 * memory before persisting it. Batches are applied one at a time; a reader running at the same time
 * may see one half applied, which a trie never does since it does not read while its own commit is
 * being applied. Keeps the {@code Bytes} it is given (the trie never reuses them).
 */
public final class InMemoryNodeStore implements NodeStore {
  private final Map<Bytes, Bytes> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<Bytes> get(Bytes path) {
    return Optional.ofNullable(nodes.get(path));
  }

  @Override
  public synchronized void apply(NodeBatch batch) {
    for (Bytes path : batch.deletes()) {
      nodes.remove(path);
    }
    nodes.putAll(batch.puts());
  }

  public int size() {
    return nodes.size();
  }

  /** A copy of the contents, path to encoding. */
  public Map<Bytes, Bytes> snapshot() {
    return Map.copyOf(nodes);
  }
}
