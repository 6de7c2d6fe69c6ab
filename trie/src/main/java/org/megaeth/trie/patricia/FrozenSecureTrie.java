package org.megaeth.trie.patricia;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Hash;

/**
 * A read-only version of a {@link SecureMerklePatriciaTrie} at one root (keys are hashed with
 * keccak256 before use), safe to read from any number of threads while the trie it came from keeps
 * changing on another.
 *
 * <p>Why this is safe without copying: trie nodes are immutable once hashed (updates build new
 * nodes along the changed path and never touch an existing one; the only later write to a shared
 * node is the persisted bit of {@code Node} in a store commit, which nothing here reads), and a
 * frozen trie is taken only from a fully hashed root ({@link SecureMerklePatriciaTrie#freeze()}),
 * so no hash cache is filled in later either. Its fields are final, so the node graph is safely
 * published to other threads even through a data race (JLS 17.5). Unlike {@link
 * SecureMerklePatriciaTrie#get}, reads walk the trie with the hashed key (one keccak per read) and
 * keep no index, so freezing costs O(1) and a frozen trie holds no mutable state at all.
 *
 * <p>A trie over a node store keeps its loader: nodes known only by hash are loaded on each read
 * and not kept. If the store has moved on since (a path-keyed store holds one version of each
 * position), such a read throws {@link MissingTrieNodeException}, never a wrong value.
 */
public final class FrozenSecureTrie {
  /** The empty trie. */
  public static final FrozenSecureTrie EMPTY = new FrozenSecureTrie(null, NodeLoader.NONE);

  /** The root node, hashed; null for the empty trie. */
  private final Node root;

  /**
   * No other field: the world state keeps one frozen trie per account with storage, so this object
   * is 24 bytes and the root hash is read from the root node when asked for.
   */
  private final NodeLoader loader;

  FrozenSecureTrie(Node root, NodeLoader loader) {
    if (root != null && root.isDirty()) {
      throw new IllegalArgumentException("a frozen trie needs a hashed root");
    }
    this.root = root;
    this.loader = loader;
  }

  /** One entry: the key as written (the preimage of the trie path) and its value. */
  public record Entry(Bytes key, Bytes value) {}

  public Hash rootHash() {
    if (root == null) {
      return MerklePatriciaTrie.EMPTY_TRIE_ROOT;
    }
    // The root is referred to by hash even when its encoding is shorter than 32 bytes.
    return Hash.wrap(root.isHashed() ? root.ref() : Keccak.keccak256(root.ref()));
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** The value at {@code key} (hashed here), or empty. */
  public Optional<Bytes> get(Bytes key) {
    byte[] preimage = key.toArrayUnsafe();
    byte[] k = hashedKey(preimage);
    Node node = root;
    int depth = 0;
    while (node != null) {
      node = resolve(node, k, depth);
      if (node instanceof LeafNode leaf) {
        return leaf.hasKey(k, depth, preimage) ? Optional.of(leaf.value()) : Optional.empty();
      } else if (node instanceof ExtensionNode ext) {
        if (!Nibbles.startsWith(k, depth, ext.path)) {
          return Optional.empty();
        }
        depth += ext.path.length;
        node = ext.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (depth == k.length) {
          return Optional.empty(); // secure keys are all 64 nibbles: no value ends at a branch
        }
        node = branch.child(k[depth++]);
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code eth_getProof} proof for {@code key}; see {@link MerklePatriciaTrie#getProof}. Verify
   * with {@code MerkleProof.verify(rootHash(), keccak256(key), proof)}.
   */
  public List<Bytes> getProof(Bytes key) {
    byte[] k = hashedKey(key.toArrayUnsafe());
    NodeEncoder encoder = NodeEncoder.get();
    List<Bytes> proof = new ArrayList<>();
    Node node = root;
    int depth = 0;
    while (node != null) {
      node = resolve(node, k, depth);
      if (proof.isEmpty() || node.isHashed()) {
        proof.add(Bytes.wrap(encoder.encodeToArray(node)));
      }
      if (node instanceof LeafNode) {
        break;
      } else if (node instanceof ExtensionNode ext) {
        if (!Nibbles.startsWith(k, depth, ext.path)) {
          break;
        }
        depth += ext.path.length;
        node = ext.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (depth == k.length) {
          break;
        }
        node = branch.child(k[depth++]);
      }
    }
    return proof;
  }

  /**
   * The entries in trie order (by keccak256 of the key), walked lazily with an explicit stack, so a
   * large trie is streamed, not collected. Needs the keys: every leaf of a trie built in memory has
   * its key, while a leaf decoded from a store or witness does not, and meeting one throws {@link
   * IllegalStateException}.
   */
  public Iterator<Entry> iterator() {
    return new EntryIterator();
  }

  private final class EntryIterator implements Iterator<Entry> {
    /** Nodes still to visit with the nibble path leading to them, next on top. */
    private final ArrayDeque<Object[]> stack = new ArrayDeque<>();

    private Entry next;

    EntryIterator() {
      if (root != null) {
        stack.push(new Object[] {root, Nibbles.EMPTY});
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null && !stack.isEmpty()) {
        Object[] top = stack.pop();
        byte[] path = (byte[]) top[1];
        Node node = resolve((Node) top[0], path, path.length);
        switch (node) {
          case LeafNode leaf -> {
            if (!leaf.hasPreimage()) {
              throw new IllegalStateException(
                  "trie leaf at [" + Nibbles.toString(path) + "] has no key preimage");
            }
            next = new Entry(leaf.preimage(), leaf.value());
          }
          case ExtensionNode ext ->
              stack.push(new Object[] {ext.child, Nibbles.concat(path, ext.path)});
          case BranchNode branch -> {
            int mask = branch.mask & 0xFFFF;
            for (int i = 15, j = branch.childCount() - 1; i >= 0; i--) {
              if ((mask & (1 << i)) != 0) {
                stack.push(
                    new Object[] {branch.childAt(j--), Nibbles.prefix(path, path.length, i)});
              }
            }
          }
          case HashNode hash -> throw new IllegalStateException("unresolved node");
        }
      }
      return next != null;
    }

    @Override
    public Entry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Entry entry = next;
      next = null;
      return entry;
    }
  }

  private Node resolve(Node node, byte[] key, int depth) {
    if (!(node instanceof HashNode)) {
      return node;
    }
    byte[] hash = node.ref();
    byte[] path = Nibbles.prefix(key, depth, -1);
    byte[] encoding = loader.load(path, hash);
    if (encoding == null) {
      throw new MissingTrieNodeException(
          Hash.wrap(hash), Bytes.wrap(path), "not in the node source");
    }
    byte[] actual = Keccak.keccak256(encoding);
    if (!Arrays.equals(actual, hash)) {
      throw new MissingTrieNodeException(
          Hash.wrap(hash),
          Bytes.wrap(path),
          "the node source has a node with hash " + Hash.wrap(actual));
    }
    try {
      return NodeDecoder.decode(encoding, hash, path);
    } catch (RlpException e) {
      throw new MissingTrieNodeException(
          Hash.wrap(hash), Bytes.wrap(path), "invalid node encoding: " + e.getMessage());
    }
  }

  private static byte[] hashedKey(byte[] preimage) {
    byte[] hash = new byte[32];
    Keccak.keccak256(preimage, 0, preimage.length, hash, 0);
    return Nibbles.fromBytes(hash);
  }

  @Override
  public String toString() {
    return "FrozenSecureTrie[" + rootHash() + "]";
  }
}
