package org.megaeth.trie.patricia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.internal.ParallelTasks;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.NodeStore;

/**
 * The Merkle-Patricia trie of Ethereum (Yellow Paper appendix D), byte-compatible with geth and
 * reth. This is the plain form: keys are used as given (transactions, receipts and withdrawals
 * tries). {@link SecureMerklePatriciaTrie} hashes keys first (accounts and storage).
 *
 * <p>Nodes are immutable apart from their cached hash, so updates copy only the path they change,
 * {@link #copy()} is O(1), and {@link #rootHash()} re-hashes only nodes created since the last
 * call. A node known only by hash (after {@link #load} or {@link #fromWitness}) is loaded when an
 * operation needs its content; if it cannot be, the operation throws {@link
 * MissingTrieNodeException} and the trie is left unchanged.
 *
 * <p>An empty value means "absent": putting one removes the key, as in geth.
 *
 * <p>Not thread-safe. The executor overloads spread one operation over the caller's threads
 * (independent subtries under the root's 16 children); without one, everything runs on the calling
 * thread, with identical results. The trie does no I/O and owns no threads.
 */
public final class MerklePatriciaTrie {
  /** keccak256(rlp("")): the root of the empty trie. */
  public static final Hash EMPTY_TRIE_ROOT =
      Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final NodeLoader loader;
  private Node root;

  /** The root at the last commit (or load): what the node store holds. */
  private Node committedRoot;

  /** Non-null while recording a witness. */
  private WitnessRecorder recorder;

  /** Nodes this trie object has hashed with keccak, for benchmarks and tests. */
  private long hashedNodes;

  private MerklePatriciaTrie(NodeLoader loader, Node root) {
    this.loader = loader;
    this.root = root;
    this.committedRoot = root;
  }

  /** An empty trie held in memory. */
  public static MerklePatriciaTrie create() {
    return new MerklePatriciaTrie(NodeLoader.NONE, null);
  }

  /** The trie with root {@code root} in {@code store}; nodes are loaded as they are needed. */
  public static MerklePatriciaTrie load(Hash root, NodeStore store) {
    return new MerklePatriciaTrie(NodeLoader.of(store), rootNode(root));
  }

  /**
   * A partial trie over witness nodes (hash to encoding). It answers reads and updates that stay
   * within those nodes, and throws {@link MissingTrieNodeException} for any that does not.
   */
  public static MerklePatriciaTrie fromWitness(Hash root, Map<Hash, Bytes> nodes) {
    return new MerklePatriciaTrie(NodeLoader.of(nodes), rootNode(root));
  }

  public static MerklePatriciaTrie fromWitness(Witness witness) {
    return fromWitness(witness.root(), witness.nodes());
  }

  private static Node rootNode(Hash root) {
    return root.equals(EMPTY_TRIE_ROOT) ? null : new HashNode(root.toArray());
  }

  /**
   * An independent trie with the same content, sharing all nodes (O(1)). Only one line of copies
   * may be committed to a given store: a commit marks the shared nodes it writes as persisted.
   */
  public MerklePatriciaTrie copy() {
    MerklePatriciaTrie copy = new MerklePatriciaTrie(loader, root);
    copy.committedRoot = committedRoot;
    return copy;
  }

  public boolean isEmpty() {
    return root == null;
  }

  /**
   * Hashes the trie and returns its root node and loader as a {@link FrozenSecureTrie} (O(1) once
   * hashed): nodes are never changed after hashing, so later updates to this trie leave it intact.
   */
  FrozenSecureTrie freezeSecure() {
    rootHash();
    return new FrozenSecureTrie(root, loader);
  }

  // ---------------------------------------------------------------- reads

  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(get(Nibbles.fromBytes(key), null, true));
  }

  /**
   * The value at the nibble key, or {@code null}. A secure trie passes the key's {@code preimage}
   * too, so that a leaf holding a preimage is matched without hashing it again. With {@code record}
   * false the nodes read are left out of a witness being recorded.
   */
  Bytes get(byte[] key, byte[] preimage, boolean record) {
    Node node = root;
    int depth = 0;
    while (node != null) {
      if (record) {
        node = resolve(node, key, depth, -1);
      } else if (node instanceof HashNode) {
        node = load(node.ref(), key, depth, -1);
      }
      if (node instanceof LeafNode leaf) {
        return leaf.hasKey(key, depth, preimage) ? leaf.value() : null;
      } else if (node instanceof ExtensionNode ext) {
        if (!Nibbles.startsWith(key, depth, ext.path)) {
          return null;
        }
        depth += ext.path.length;
        node = ext.child;
      } else {
        BranchNode branch = (BranchNode) node;
        if (depth == key.length) {
          byte[] value = branch.value();
          return value == null ? null : Bytes.wrap(value);
        }
        node = branch.child(key[depth++]);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- updates

  /** Sets {@code key} to {@code value}; an empty value removes the key. */
  public void put(Bytes key, Bytes value) {
    byte[] k = Nibbles.fromBytes(key);
    root =
        value.isEmpty()
            ? remove(root, k, 0, null, null)
            : put(root, k, 0, null, value.toArrayUnsafe(), null);
  }

  public void remove(Bytes key) {
    root = remove(root, Nibbles.fromBytes(key), 0, null, null);
  }

  /** Applies a batch of changes on the calling thread; an empty or null value removes the key. */
  public void apply(Map<Bytes, Bytes> changes) {
    apply(changes, null);
  }

  /**
   * Applies a batch of changes (an empty or null value removes the key), updating the subtries
   * under the root's children in parallel on {@code executor} ({@code null}: the calling thread).
   * The result does not depend on the executor or on the map's order; which nodes get read (and so
   * the witness) can depend on the order of changes falling in the same subtrie, so use an ordered
   * map when witnesses must be reproducible. If a needed node is missing, nothing is applied.
   */
  public void apply(Map<Bytes, Bytes> changes, Executor executor) {
    int n = changes.size();
    byte[][] keys = new byte[n][];
    byte[][] values = new byte[n][];
    int i = 0;
    for (Map.Entry<Bytes, Bytes> e : changes.entrySet()) {
      keys[i] = Nibbles.fromBytes(e.getKey());
      Bytes value = e.getValue();
      values[i] = value == null ? Nibbles.EMPTY : value.toArrayUnsafe();
      i++;
    }
    apply(keys, null, values, executor, null);
  }

  /**
   * Applies changes given as nibble keys, for a secure trie their preimages ({@code preimages} null
   * for a plain trie), and values (an empty value removes; values are copied, not kept). When
   * {@code created} is not null, every leaf the changes create is added to it, in order: the new
   * leaves and the leaves moved to another depth by a split or a collapse (a secure trie's index
   * follows them). Benchmark before refactoring: {@code benchmarks/.../trie/TrieUpdateBenchmark}.
   */
  void apply(
      byte[][] keys,
      byte[][] preimages,
      byte[][] values,
      Executor executor,
      List<LeafNode> created) {
    if (keys.length == 0) {
      return;
    }
    Node current = root;
    BranchNode branch = null;
    if (current != null) {
      Node resolved = resolve(current, Nibbles.EMPTY, 0, -1);
      if (resolved instanceof BranchNode b) {
        branch = b;
      }
    }
    if (branch == null) {
      // No root branch to split the work under: a small trie, or one under an extension.
      for (int i = 0; i < keys.length; i++) {
        current = update(current, keys[i], 0, preimageOf(preimages, i), values[i], created);
      }
      root = current;
      return;
    }
    root = applyUnderRootBranch(current, branch, keys, preimages, values, executor, created);
  }

  private static byte[] preimageOf(byte[][] preimages, int i) {
    return preimages == null ? null : preimages[i];
  }

  /** One change of a batch: a put, or a removal when the value is empty. */
  private Node update(
      Node node, byte[] key, int depth, byte[] preimage, byte[] value, List<LeafNode> created) {
    return value.length == 0
        ? remove(node, key, depth, preimage, created)
        : put(node, key, depth, preimage, value, created);
  }

  private Node applyUnderRootBranch(
      Node original,
      BranchNode branch,
      byte[][] keys,
      byte[][] preimages,
      byte[][] values,
      Executor executor,
      List<LeafNode> created) {
    byte[] rootValue = branch.value();
    int[] order = new int[keys.length];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].length == 0) {
        rootValue = values[i].length == 0 ? null : values[i].clone();
      } else {
        order[n++] = i;
      }
    }
    Batch all = new Batch(keys, preimages, values, Arrays.copyOf(order, n), null);
    int[] ends = all.sortByNibble(0, n, 0);
    Node[] oldChildren = branch.expand();
    Node[] newChildren = oldChildren.clone();
    List<Runnable> tasks = new ArrayList<>(16);
    // Each task collects its created leaves on its own; they are joined in nibble order below.
    // The tasks share the batch's order and scratch arrays, each in its own range of them.
    List<LeafNode>[] createdBySlot = created == null ? null : newLeafLists();
    for (int nibble = 0, start = 0; nibble < 16; start = ends[nibble++]) {
      if (start == ends[nibble]) {
        continue;
      }
      int slot = nibble;
      int lo = start;
      int hi = ends[nibble];
      Batch batch = all.collectingInto(created == null ? null : createdBySlot[slot]);
      tasks.add(() -> newChildren[slot] = applyBatch(oldChildren[slot], batch, lo, hi, 1));
    }
    ParallelTasks.run(executor, tasks.toArray(Runnable[]::new));
    if (created != null) {
      for (List<LeafNode> leaves : createdBySlot) {
        created.addAll(leaves);
      }
    }
    boolean changed = !Arrays.equals(rootValue, branch.value());
    for (int nibble = 0; nibble < 16 && !changed; nibble++) {
      changed = newChildren[nibble] != oldChildren[nibble];
    }
    return changed ? normalizeBranch(newChildren, rootValue, Nibbles.EMPTY, 0, created) : original;
  }

  /**
   * The changes of an {@link #apply}: {@code order} lists their indices in {@code keys}, {@code
   * preimages} and {@code values}, and is sorted in place, range by range, by {@link
   * #sortByNibble}; {@code scratch} is its buffer for that. Tasks on other threads may share the
   * two arrays, each in its own range.
   */
  private record Batch(
      byte[][] keys,
      byte[][] preimages,
      byte[][] values,
      int[] order,
      int[] scratch,
      List<LeafNode> created) {
    Batch(byte[][] keys, byte[][] preimages, byte[][] values, int[] order, List<LeafNode> created) {
      this(keys, preimages, values, order, new int[order.length], created);
    }

    byte[] key(int position) {
      return keys[order[position]];
    }

    /** The same changes and buffers, with the leaves created added to {@code list}. */
    Batch collectingInto(List<LeafNode> list) {
      return new Batch(keys, preimages, values, order, scratch, list);
    }

    /**
     * Sorts {@code order[lo..hi)} by the nibble at {@code depth} of each key (a stable counting
     * sort; every key is longer than {@code depth}) and returns where each nibble's run ends:
     * nibble {@code i}'s changes are at {@code order[ends[i-1]..ends[i])}, from {@code lo} for 0.
     */
    int[] sortByNibble(int lo, int hi, int depth) {
      int[] ends = new int[16];
      for (int p = lo; p < hi; p++) {
        ends[key(p)[depth]]++;
      }
      int[] next = new int[16];
      for (int nibble = 0, at = lo; nibble < 16; nibble++) {
        next[nibble] = at;
        at += ends[nibble];
        ends[nibble] = at;
      }
      for (int p = lo; p < hi; p++) {
        scratch[next[key(p)[depth]]++] = order[p];
      }
      System.arraycopy(scratch, lo, order, lo, hi - lo);
      return ends;
    }
  }

  /**
   * Applies the changes at {@code order[lo..hi)} of {@code batch}, whose keys share their first
   * {@code depth} nibbles, to the subtrie {@code original} at that depth; returns the new subtrie,
   * or {@code original} itself when nothing changed. Under a branch the changes are split by their
   * next nibble and each changed child is rebuilt once, with all of its changes: applied one by
   * one, every change would copy each branch on its path, and a block of 10,000 changes to a trie
   * of millions copied each branch of the top levels hundreds of times (docs/benchmarks.md,
   * "batched updates"). Anywhere else (an empty slot, a leaf, an extension, a key ending at the
   * branch) the changes are applied one by one in their order, as before.
   */
  private Node applyBatch(Node original, Batch batch, int lo, int hi, int depth) {
    if (hi - lo > 1 && original != null) {
      Node node = resolve(original, batch.key(lo), depth, -1);
      if (node instanceof BranchNode branch && allLongerThan(batch, lo, hi, depth)) {
        return applyUnderBranch(original, branch, batch, lo, hi, depth);
      }
    }
    Node current = original;
    for (int p = lo; p < hi; p++) {
      int i = batch.order[p];
      current =
          update(
              current,
              batch.keys[i],
              depth,
              preimageOf(batch.preimages, i),
              batch.values[i],
              batch.created);
    }
    return current;
  }

  private static boolean allLongerThan(Batch batch, int lo, int hi, int depth) {
    for (int p = lo; p < hi; p++) {
      if (batch.key(p).length <= depth) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #applyBatch} under a branch: sorts {@code order[lo..hi)} by the nibble at {@code depth}
   * (a stable counting sort), applies each nibble's run to that child, and builds the branch once.
   * A branch left with one entry collapses as a removal one by one would leave it.
   */
  private Node applyUnderBranch(
      Node original, BranchNode branch, Batch batch, int lo, int hi, int depth) {
    int[] ends = batch.sortByNibble(lo, hi, depth);
    // Below the top levels most branches get one changed child that stays: that is the cheap
    // copy (no sixteen slots expanded and packed again).
    Node[] children = null;
    int onlyNibble = -1;
    Node onlyChild = null;
    for (int nibble = 0, start = lo; nibble < 16; start = ends[nibble++]) {
      if (start == ends[nibble]) {
        continue;
      }
      Node oldChild = branch.child(nibble);
      Node newChild = applyBatch(oldChild, batch, start, ends[nibble], depth + 1);
      if (newChild == oldChild) {
        continue;
      }
      if (children == null && onlyNibble < 0 && oldChild != null && newChild != null) {
        onlyNibble = nibble;
        onlyChild = newChild;
        continue;
      }
      if (children == null) {
        children = branch.expand();
        if (onlyNibble >= 0) {
          children[onlyNibble] = onlyChild;
        }
      }
      children[nibble] = newChild;
    }
    if (children == null) {
      return onlyNibble < 0 ? original : branch.withChild(onlyNibble, onlyChild);
    }
    return normalizeBranch(children, branch.value(), batch.key(lo), depth, batch.created);
  }

  @SuppressWarnings("unchecked")
  private static List<LeafNode>[] newLeafLists() {
    List<LeafNode>[] lists = new List[16];
    for (int i = 0; i < 16; i++) {
      lists[i] = new ArrayList<>();
    }
    return lists;
  }

  /** Adds {@code leaf} to {@code created} when collecting; returns it. */
  private static LeafNode created(LeafNode leaf, List<LeafNode> created) {
    if (created != null) {
      created.add(leaf);
    }
    return leaf;
  }

  /**
   * Inserts or replaces; returns the new node, or {@code original} itself when nothing changed (so
   * unchanged values do not dirty the path).
   */
  private Node put(
      Node original, byte[] key, int depth, byte[] preimage, byte[] value, List<LeafNode> created) {
    if (original == null) {
      return created(LeafNode.of(key, depth, preimage, value), created);
    }
    Node node = resolve(original, key, depth, -1);
    if (node instanceof LeafNode leaf) {
      return putInLeaf(original, leaf, key, depth, preimage, value, created);
    } else if (node instanceof ExtensionNode ext) {
      return putInExtension(original, ext, key, depth, preimage, value, created);
    }
    BranchNode branch = (BranchNode) node;
    if (depth == key.length) {
      return Arrays.equals(branch.value(), value) ? original : branch.withValue(value.clone());
    }
    int nibble = key[depth];
    Node oldChild = branch.child(nibble);
    Node newChild = put(oldChild, key, depth + 1, preimage, value, created);
    if (newChild == oldChild) {
      return original;
    }
    return branch.withChild(nibble, newChild);
  }

  private static Node putInLeaf(
      Node original,
      LeafNode leaf,
      byte[] key,
      int depth,
      byte[] preimage,
      byte[] value,
      List<LeafNode> created) {
    if (leaf.hasKey(key, depth, preimage)) {
      return leaf.valueEquals(value)
          ? original
          : created(LeafNode.of(key, depth, preimage, value), created);
    }
    // Different keys: a branch where they part, under an extension for the nibbles they share.
    byte[] path = leaf.path();
    int common = Nibbles.commonPrefix(path, depth, key, depth);
    int at = depth + common;
    Node[] children = new Node[16];
    byte[] branchValue = null;
    if (at == path.length) {
      branchValue = leaf.valueArray();
    } else {
      children[path[at]] = created(leaf.moveTo(at + 1, path), created);
    }
    if (at == key.length) {
      branchValue = value.clone();
    } else {
      children[key[at]] = created(LeafNode.of(key, at + 1, preimage, value), created);
    }
    BranchNode branch = BranchNode.of(children, branchValue);
    return common == 0 ? branch : new ExtensionNode(Arrays.copyOfRange(key, depth, at), branch);
  }

  private Node putInExtension(
      Node original,
      ExtensionNode ext,
      byte[] key,
      int depth,
      byte[] preimage,
      byte[] value,
      List<LeafNode> created) {
    byte[] path = ext.path;
    int common = Nibbles.commonPrefix(path, key, depth);
    if (common == path.length) {
      Node child = put(ext.child, key, depth + common, preimage, value, created);
      return child == ext.child ? original : new ExtensionNode(path, child);
    }
    // The key leaves the shared run: split it around a new branch. The old child is moved, not
    // read, so it may stay unresolved.
    Node[] children = new Node[16];
    byte[] branchValue = null;
    children[path[common]] =
        common + 1 == path.length
            ? ext.child
            : new ExtensionNode(Arrays.copyOfRange(path, common + 1, path.length), ext.child);
    if (depth + common == key.length) {
      branchValue = value.clone();
    } else {
      children[key[depth + common]] =
          created(LeafNode.of(key, depth + common + 1, preimage, value), created);
    }
    BranchNode branch = BranchNode.of(children, branchValue);
    return common == 0 ? branch : new ExtensionNode(Arrays.copyOf(path, common), branch);
  }

  /**
   * Removes; returns the new node ({@code null} if empty), or {@code original} if unchanged. {@code
   * preimage}, when not null, is the key's preimage, to match preimage leaves with. Leaves moved by
   * a collapse are added to {@code created} when it is not null.
   */
  private Node remove(
      Node original, byte[] key, int depth, byte[] preimage, List<LeafNode> created) {
    if (original == null) {
      return null;
    }
    Node node = resolve(original, key, depth, -1);
    if (node instanceof LeafNode leaf) {
      return leaf.hasKey(key, depth, preimage) ? null : original;
    } else if (node instanceof ExtensionNode ext) {
      if (!Nibbles.startsWith(key, depth, ext.path)) {
        return original;
      }
      Node child = remove(ext.child, key, depth + ext.path.length, preimage, created);
      if (child == ext.child) {
        return original;
      }
      return child == null ? null : prependPath(ext.path, depth, child, created);
    }
    BranchNode branch = (BranchNode) node;
    if (depth == key.length) {
      return branch.value() == null
          ? original
          : normalizeBranch(branch.expand(), null, key, depth, created);
    }
    int nibble = key[depth];
    Node oldChild = branch.child(nibble);
    Node newChild = remove(oldChild, key, depth + 1, preimage, created);
    if (newChild == oldChild) {
      return original;
    }
    if (newChild != null) {
      return branch.withChild(nibble, newChild);
    }
    Node[] children = branch.expand();
    children[nibble] = null;
    return normalizeBranch(children, branch.value(), key, depth, created);
  }

  /**
   * Builds the node for a branch at {@code key[0..depth)} that may have lost an entry: a branch
   * left with one entry collapses into a leaf or extension. When that entry is a child, the child
   * must be read (and so is recorded in a witness) to know whether to merge paths with it.
   */
  private Node normalizeBranch(
      Node[] children, byte[] value, byte[] key, int depth, List<LeafNode> created) {
    int count = 0;
    int last = -1;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        count++;
        last = i;
      }
    }
    if (value != null) {
      return count == 0
          ? new ArrayLeafNode(ArrayLeafNode.pathData(key, depth, value, 0, value.length), depth)
          : BranchNode.of(children, value);
    }
    if (count == 0) {
      return null;
    }
    if (count > 1) {
      return BranchNode.of(children, null);
    }
    Node only = children[last];
    Node sibling = resolve(only, key, depth, last);
    if (sibling instanceof LeafNode leaf) {
      return created(leaf.moveTo(depth), created);
    } else if (sibling instanceof ExtensionNode ext) {
      return new ExtensionNode(Nibbles.prepend(last, ext.path), ext.child);
    }
    return new ExtensionNode(new byte[] {(byte) last}, only);
  }

  /**
   * An extension's path (at {@code depth}) followed by what its child became after a removal. A
   * leaf keeps its whole key, so it only moves up.
   */
  private static Node prependPath(byte[] path, int depth, Node child, List<LeafNode> created) {
    if (child instanceof LeafNode leaf) {
      return created(leaf.moveTo(depth), created);
    } else if (child instanceof ExtensionNode ext) {
      return new ExtensionNode(Nibbles.concat(path, ext.path), ext.child);
    }
    return new ExtensionNode(path, child);
  }

  // ---------------------------------------------------------------- hashing

  /** The root hash, hashing the nodes changed since the last call on the calling thread. */
  public Hash rootHash() {
    return rootHash(null);
  }

  /**
   * The root hash, hashing the dirty subtries under the root's children in parallel on {@code
   * executor} ({@code null}: the calling thread). Benchmark before refactoring: {@code
   * benchmarks/.../trie/TrieUpdateBenchmark}.
   */
  public Hash rootHash(Executor executor) {
    Node node = root;
    if (node == null) {
      return EMPTY_TRIE_ROOT;
    }
    if (node.isDirty() && executor != null && node instanceof BranchNode branch) {
      int[] counts = new int[16];
      List<Runnable> tasks = new ArrayList<>(16);
      for (int i = 0, n = branch.childCount(); i < n; i++) {
        Node child = branch.childAt(i);
        int slot = i;
        if (child.isDirty()) {
          tasks.add(() -> counts[slot] = NodeEncoder.get().computeRef(child));
        }
      }
      ParallelTasks.run(executor, tasks.toArray(Runnable[]::new));
      for (int count : counts) {
        hashedNodes += count;
      }
    }
    hashedNodes += NodeEncoder.get().computeRef(node);
    return Hash.wrap(rootHashBytes(node));
  }

  /**
   * How many nodes this trie object has hashed with keccak since it was created (a {@link #copy()}
   * starts at zero). Embedded nodes, encoded inside their parent, are not counted. For benchmarks
   * and tests of incremental hashing.
   */
  public long hashedNodeCount() {
    return hashedNodes;
  }

  /** The root is referred to by hash even when its encoding is shorter than 32 bytes. */
  private static byte[] rootHashBytes(Node node) {
    byte[] ref = node.ref();
    return node.isHashed() ? ref : Keccak.keccak256(ref);
  }

  // ---------------------------------------------------------------- proofs

  /**
   * The {@code eth_getProof} proof for {@code key}: the RLP encodings of the nodes from the root
   * along the key's path (the root always; below it, the nodes referred to by hash, since smaller
   * ones are inside their parent). For an absent key it ends with the node that shows the absence.
   * Empty for the empty trie. Verify with {@link MerkleProof#verify}.
   */
  public List<Bytes> getProof(Bytes key) {
    rootHash();
    byte[] k = Nibbles.fromBytes(key);
    NodeEncoder encoder = NodeEncoder.get();
    List<Bytes> proof = new ArrayList<>();
    Node node = root;
    int depth = 0;
    while (node != null) {
      node = resolve(node, k, depth, -1);
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

  // ---------------------------------------------------------------- witnesses

  /**
   * Starts recording every pre-state node that reads and updates inspect (the path to each key, and
   * the sibling a removal merges with when a branch collapses). Hashes the trie first: the current
   * root is the witness's root.
   */
  public void startRecording() {
    if (recorder != null) {
      throw new IllegalStateException("already recording");
    }
    recorder = new WitnessRecorder(rootHash());
  }

  public boolean isRecording() {
    return recorder != null;
  }

  /** Stops recording and returns the nodes a verifier needs to repeat the same operations. */
  public Witness stopRecording() {
    return endRecording().finish();
  }

  /**
   * Stops recording and returns the recording, whose {@link WitnessRecorder#finish} encodes the
   * nodes later, on any thread, while this trie is used and changed again.
   */
  public WitnessRecorder endRecording() {
    if (recorder == null) {
      throw new IllegalStateException("not recording");
    }
    WitnessRecorder ended = recorder;
    recorder = null;
    return ended;
  }

  // ---------------------------------------------------------------- persistence

  /**
   * Hashes the trie and returns the node writes that bring the store from the last committed
   * version (or the loaded root) to this one: every node created since, by path, and the paths that
   * no longer hold a hashed node. The caller applies the batch, possibly together with other tries'
   * batches; the trie then treats the written nodes as persisted. Costs O(nodes changed), plus
   * loads of the replaced nodes that are not in memory.
   */
  public NodeBatch commit() {
    rootHash();
    Map<Bytes, Bytes> puts = new HashMap<>();
    Map<Bytes, byte[]> unchanged = new HashMap<>();
    List<Node> written = new ArrayList<>();
    collectNew(root, Nibbles.EMPTY, true, puts, unchanged, written, NodeEncoder.get());
    Set<Bytes> deletes = new HashSet<>();
    collectStale(committedRoot, Nibbles.EMPTY, true, puts, unchanged, deletes);
    for (Node node : written) {
      node.markPersisted();
    }
    committedRoot = root;
    return new NodeBatch(puts, deletes);
  }

  private static void collectNew(
      Node node,
      byte[] path,
      boolean isRoot,
      Map<Bytes, Bytes> puts,
      Map<Bytes, byte[]> unchanged,
      List<Node> written,
      NodeEncoder encoder) {
    if (node == null || !(isRoot || node.isHashed())) {
      return; // embedded nodes live inside their parent and hold no hashed nodes
    }
    if (node.isPersisted()) {
      unchanged.put(Bytes.wrap(path), isRoot ? rootHashBytes(node) : node.ref());
      return;
    }
    puts.put(Bytes.wrap(path), Bytes.wrap(encoder.encodeToArray(node)));
    written.add(node);
    if (node instanceof BranchNode branch) {
      for (int i = 0; i < 16; i++) {
        collectNew(
            branch.child(i),
            Nibbles.prefix(path, path.length, i),
            false,
            puts,
            unchanged,
            written,
            encoder);
      }
    } else if (node instanceof ExtensionNode ext) {
      collectNew(
          ext.child, Nibbles.concat(path, ext.path), false, puts, unchanged, written, encoder);
    }
  }

  /**
   * Walks the committed version, stopping where the new version has the same node at the same path,
   * and deletes the positions the new version no longer fills. A subtree rooted at a branch never
   * moves in an MPT (only leaves and extensions are rewritten when paths merge), so the walk stays
   * on changed paths.
   */
  private void collectStale(
      Node old,
      byte[] path,
      boolean isRoot,
      Map<Bytes, Bytes> puts,
      Map<Bytes, byte[]> unchanged,
      Set<Bytes> deletes) {
    if (old == null || !(isRoot || old.isHashed())) {
      return;
    }
    Bytes key = Bytes.wrap(path);
    byte[] now = unchanged.get(key);
    if (now != null && (isRoot ? Arrays.equals(now, rootHashBytes(old)) : old.refEquals(now))) {
      return;
    }
    if (!puts.containsKey(key)) {
      deletes.add(key);
    }
    Node node = old instanceof HashNode ? load(old.ref(), path, path.length, -1) : old;
    if (node instanceof BranchNode branch) {
      for (int i = 0; i < 16; i++) {
        collectStale(
            branch.child(i), Nibbles.prefix(path, path.length, i), false, puts, unchanged, deletes);
      }
    } else if (node instanceof ExtensionNode ext) {
      collectStale(ext.child, Nibbles.concat(path, ext.path), false, puts, unchanged, deletes);
    }
  }

  // ---------------------------------------------------------------- iteration

  /** Calls {@code action} for every entry in key order (unsigned, shorter keys first). */
  public void forEach(BiConsumer<Bytes, Bytes> action) {
    forEach(root, new byte[0], action);
  }

  private void forEach(Node node, byte[] path, BiConsumer<Bytes, Bytes> action) {
    if (node == null) {
      return;
    }
    if (node instanceof HashNode) {
      node = load(node.ref(), path, path.length, -1);
    }
    if (node instanceof LeafNode leaf) {
      emit(leaf.path(), leaf.valueArray(), action);
    } else if (node instanceof ExtensionNode ext) {
      forEach(ext.child, Nibbles.concat(path, ext.path), action);
    } else {
      BranchNode branch = (BranchNode) node;
      byte[] value = branch.value();
      if (value != null) {
        emit(path, value, action);
      }
      for (int i = 0; i < 16; i++) {
        forEach(branch.child(i), Nibbles.prefix(path, path.length, i), action);
      }
    }
  }

  /**
   * Calls {@code action} with the data of every leaf, all in memory (no loading, no recording), in
   * key order. Returns false, having stopped, at the first node known only by hash.
   */
  boolean forEachLeaf(Consumer<LeafNode> action) {
    return forEachLeaf(root, action);
  }

  private static boolean forEachLeaf(Node node, Consumer<LeafNode> action) {
    switch (node) {
      case null -> {}
      case LeafNode leaf -> action.accept(leaf);
      case ExtensionNode ext -> {
        return forEachLeaf(ext.child, action);
      }
      case BranchNode branch -> {
        for (int i = 0, n = branch.childCount(); i < n; i++) {
          if (!forEachLeaf(branch.childAt(i), action)) {
            return false;
          }
        }
      }
      case HashNode hash -> {
        return false;
      }
    }
    return true;
  }

  private static void emit(byte[] nibbles, byte[] value, BiConsumer<Bytes, Bytes> action) {
    if ((nibbles.length & 1) == 0) { // keys given as bytes always have an even nibble count
      action.accept(Bytes.wrap(Nibbles.toBytes(nibbles, nibbles.length)), Bytes.wrap(value));
    }
  }

  // ---------------------------------------------------------------- node access

  /**
   * Every read of a node's content goes through here: it loads a node known only by hash and
   * records it in the witness. The node's path is {@code key[0..depth)}, then {@code extra} when
   * that is not negative (a sibling off the key's path).
   */
  private Node resolve(Node node, byte[] key, int depth, int extra) {
    if (node instanceof HashNode) {
      node = load(node.ref(), key, depth, extra);
    }
    WitnessRecorder r = recorder;
    if (r != null) {
      r.record(node, depth == 0 && extra < 0);
    }
    return node;
  }

  private Node load(byte[] hash, byte[] key, int depth, int extra) {
    byte[] path = Nibbles.prefix(key, depth, extra);
    byte[] encoding = loader.load(path, hash);
    if (encoding == null) {
      throw missing(hash, path, "not in the node source");
    }
    byte[] actual = Keccak.keccak256(encoding);
    if (!Arrays.equals(actual, hash)) {
      throw missing(hash, path, "the node source has a node with hash " + Hash.wrap(actual));
    }
    try {
      return NodeDecoder.decode(encoding, hash, path);
    } catch (RlpException e) {
      throw missing(hash, path, "invalid node encoding: " + e.getMessage());
    }
  }

  private static MissingTrieNodeException missing(byte[] hash, byte[] path, String detail) {
    return new MissingTrieNodeException(Hash.of(hash), Bytes.wrap(path), detail);
  }
}
