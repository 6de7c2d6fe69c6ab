package org.megaeth.trie.patricia;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;

/**
 * Collects the nodes a trie inspects while recording. Thread-safe, for parallel updates.
 *
 * <p>Every inspection of a hashed node is noted by hash (cheap: no encoding on the hot path). At
 * the end only the nodes reachable from the starting root through noted nodes are kept and encoded:
 * a node that was hashed after recording began (say, by an intermediate rootHash()) is not
 * pre-state and is dropped, so the witness is exactly the pre-state nodes touched.
 *
 * <p>Once the trie has ended the recording ({@link MerklePatriciaTrie#endRecording}) nothing adds
 * to it, and {@link #finish} may run on any thread, while the trie goes on changing: the nodes
 * noted are hashed, and a hashed node never changes (an update copies the path it changes).
 */
public final class WitnessRecorder {
  private final Hash startRoot;
  private final Map<Hash, Node> seen = new ConcurrentHashMap<>();

  WitnessRecorder(Hash startRoot) {
    this.startRoot = startRoot;
  }

  /** Notes a node whose content was inspected. Dirty and embedded nodes are not pre-state nodes. */
  void record(Node node, boolean isRoot) {
    if (node.isDirty()) {
      return;
    }
    if (node.isHashed()) {
      seen.putIfAbsent(Hash.wrap(node.ref()), node);
    } else if (isRoot) {
      // The root is referred to by hash even when its encoding is shorter than 32 bytes.
      seen.putIfAbsent(Keccak.hash(node.ref()), node);
    }
  }

  /** Encodes the pre-state nodes noted, reachable from the starting root. */
  public Witness finish() {
    Map<Hash, Bytes> nodes = new HashMap<>();
    ArrayDeque<Hash> queue = new ArrayDeque<>();
    queue.add(startRoot);
    NodeEncoder encoder = NodeEncoder.get();
    while (!queue.isEmpty()) {
      Hash hash = queue.poll();
      Node node = seen.get(hash);
      if (node == null || nodes.containsKey(hash)) {
        continue;
      }
      nodes.put(hash, Bytes.wrap(encoder.encodeToArray(node)));
      enqueueHashedChildren(node, queue);
    }
    return new Witness(startRoot, nodes);
  }

  private static void enqueueHashedChildren(Node node, ArrayDeque<Hash> queue) {
    // Embedded children are inside this node's encoding and hold no hashed nodes themselves.
    switch (node) {
      case BranchNode branch -> {
        for (int i = 0, n = branch.childCount(); i < n; i++) {
          Node child = branch.childAt(i);
          if (child.isHashed()) {
            queue.add(Hash.wrap(child.ref()));
          }
        }
      }
      case ExtensionNode ext -> {
        if (ext.child.isHashed()) {
          queue.add(Hash.wrap(ext.child.ref()));
        }
      }
      case LeafNode leaf -> {}
      case HashNode hash -> {}
    }
  }
}
