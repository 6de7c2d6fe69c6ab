package org.megaeth.trie.patricia;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.NodeStore;

/**
 * The secure form of the trie: each key is replaced by keccak256(key) before use, which keeps the
 * trie balanced whatever the keys (the account trie, keyed by address, and storage tries, keyed by
 * slot). A layer over {@link MerklePatriciaTrie}; see there for the semantics.
 *
 * <p>Leaves keep the key itself (the preimage) rather than its hash. A trie built in memory ({@link
 * #create}) also keeps an index of its leaves by key, so {@link #get} costs a hash-table lookup,
 * with no keccak and no walk down the trie: the world state reads its committed values this way
 * instead of keeping a second, flat copy of them. Tries over a store or a witness hold leaves
 * decoded without their preimages and read by walking.
 */
public final class SecureMerklePatriciaTrie {
  private final MerklePatriciaTrie trie;

  /** True while every leaf was written through this class, so holds its preimage. */
  private volatile boolean indexable;

  /**
   * The leaves by preimage, when indexable; built on first use after a {@link #copy()}. Volatile:
   * the parallel executor's threads read a copy concurrently, and the first reads may each build an
   * index (the same one); whoever sees the reference must see the index whole.
   */
  private volatile KeyIndex index;

  private SecureMerklePatriciaTrie(MerklePatriciaTrie trie, boolean indexable) {
    this.trie = trie;
    this.indexable = indexable;
  }

  public static SecureMerklePatriciaTrie create() {
    SecureMerklePatriciaTrie trie = new SecureMerklePatriciaTrie(MerklePatriciaTrie.create(), true);
    trie.index = new KeyIndex();
    return trie;
  }

  public static SecureMerklePatriciaTrie load(Hash root, NodeStore store) {
    return new SecureMerklePatriciaTrie(MerklePatriciaTrie.load(root, store), false);
  }

  public static SecureMerklePatriciaTrie fromWitness(Hash root, Map<Hash, Bytes> nodes) {
    return new SecureMerklePatriciaTrie(MerklePatriciaTrie.fromWitness(root, nodes), false);
  }

  public static SecureMerklePatriciaTrie fromWitness(Witness witness) {
    return fromWitness(witness.root(), witness.nodes());
  }

  /**
   * An independent trie with the same content, sharing all nodes (O(1)); see {@link
   * MerklePatriciaTrie#copy()}. The key index is not shared: the copy rebuilds its own, in time
   * linear in the trie's size, at its first {@link #get} that is not recording.
   */
  public SecureMerklePatriciaTrie copy() {
    return new SecureMerklePatriciaTrie(trie.copy(), indexable);
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  /**
   * A read-only version of this trie as it is now, safe to read from other threads while this one
   * keeps changing; see {@link FrozenSecureTrie}. Hashes the trie first (call it on the owning
   * thread), then costs O(1): it shares every node and copies nothing, not even the key index.
   */
  public FrozenSecureTrie freeze() {
    return trie.freezeSecure();
  }

  public Optional<Bytes> get(Bytes key) {
    return get(key, true);
  }

  /**
   * Like {@link #get} but leaves no trace in a witness being recorded: for a caller that has
   * already read the key once during the recording (the world state reads each key's path once per
   * block, then reads the value as often as it is asked for).
   */
  public Optional<Bytes> getUnrecorded(Bytes key) {
    return get(key, false);
  }

  private Optional<Bytes> get(Bytes key, boolean record) {
    byte[] preimage = key.toArrayUnsafe();
    // A witness needs the path to the key, so a recording read walks the trie.
    KeyIndex keys = record && trie.isRecording() ? null : index();
    if (keys != null) {
      return Optional.ofNullable(keys.get(preimage));
    }
    return Optional.ofNullable(trie.get(hashedKey(preimage), preimage, record));
  }

  /** The index, rebuilt if this is a copy; null when leaves without preimages may exist. */
  private KeyIndex index() {
    KeyIndex known = index;
    if (known != null) {
      return known;
    }
    if (indexable) {
      KeyIndex rebuilt = new KeyIndex();
      boolean[] withoutPreimage = {false};
      boolean inMemory =
          trie.forEachLeaf(
              leaf -> {
                if (leaf.hasPreimage()) {
                  rebuilt.put(leaf);
                } else {
                  withoutPreimage[0] = true;
                }
              });
      if (inMemory && !withoutPreimage[0]) {
        index = rebuilt;
        return rebuilt;
      }
      indexable = false;
    }
    return null;
  }

  /** Sets {@code key} to {@code value}; an empty value removes the key. */
  public void put(Bytes key, Bytes value) {
    apply(Map.of(key, value), null);
  }

  public void remove(Bytes key) {
    apply(Map.of(key, Bytes.EMPTY), null);
  }

  public void apply(Map<Bytes, Bytes> changes) {
    apply(changes, null);
  }

  /** See {@link MerklePatriciaTrie#apply(Map, Executor)}; keys are hashed here. */
  public void apply(Map<Bytes, Bytes> changes, Executor executor) {
    int n = changes.size();
    byte[][] preimages = new byte[n][];
    byte[][] values = new byte[n][];
    int i = 0;
    for (Map.Entry<Bytes, Bytes> e : changes.entrySet()) {
      preimages[i] = e.getKey().toArrayUnsafe();
      Bytes value = e.getValue();
      values[i] = value == null ? Nibbles.EMPTY : value.toArrayUnsafe();
      i++;
    }
    apply(preimages, values, executor);
  }

  /**
   * Applies the changes {@code preimages[i]} to {@code values[i]} (an empty value removes the key),
   * as {@link #apply(Map, Executor)} does, without a map: each preimage must appear once. The
   * arrays are read during the call only, and neither is modified.
   */
  public void apply(byte[][] preimages, byte[][] values, Executor executor) {
    int n = preimages.length;
    if (values.length != n) {
      throw new IllegalArgumentException(n + " keys and " + values.length + " values");
    }
    byte[][] keys = new byte[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = hashedKey(preimages[i]);
    }
    KeyIndex keyIndex = index; // a copy's index is rebuilt by the next read, after this change
    // The index refers to the trie's leaves: it follows every leaf the change creates, the new
    // ones and those moved to another depth, in the order they were created (the last is current).
    List<LeafNode> created = keyIndex == null ? null : new ArrayList<>(n);
    trie.apply(keys, preimages, values, executor, created);
    if (keyIndex != null) {
      for (LeafNode leaf : created) {
        keyIndex.put(leaf);
      }
      for (int j = 0; j < n; j++) {
        if (values[j].length == 0) {
          keyIndex.remove(preimages[j]); // no leaf of a removed key is created by the change
        }
      }
    }
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash rootHash(Executor executor) {
    return trie.rootHash(executor);
  }

  /** See {@link MerklePatriciaTrie#hashedNodeCount()}. */
  public long hashedNodeCount() {
    return trie.hashedNodeCount();
  }

  /** The proof for {@code key}; verify it with {@code MerkleProof.verify(root, keccak(key), p)}. */
  public List<Bytes> getProof(Bytes key) {
    return trie.getProof(Bytes.wrap(Keccak.keccak256(key.toArrayUnsafe())));
  }

  public void startRecording() {
    trie.startRecording();
  }

  public boolean isRecording() {
    return trie.isRecording();
  }

  public Witness stopRecording() {
    return trie.stopRecording();
  }

  /** See {@link MerklePatriciaTrie#endRecording}. */
  public WitnessRecorder endRecording() {
    return trie.endRecording();
  }

  public NodeBatch commit() {
    return trie.commit();
  }

  /**
   * For tests: whether the index (when there is one) holds exactly the trie's leaves, the same
   * objects, so it keeps no replaced leaf alive.
   */
  boolean indexHoldsTrieLeaves() {
    KeyIndex keys = index;
    if (keys == null) {
      return true;
    }
    int[] count = {0};
    boolean[] same = {keys.isConsistent()};
    boolean inMemory =
        trie.forEachLeaf(
            leaf -> {
              count[0]++;
              same[0] &= keys.entry(leaf.preimage().toArrayUnsafe()) == leaf.indexEntry();
            });
    return inMemory && same[0] && count[0] == keys.size();
  }

  /** For tests: what the index holds for {@code key} (a {@link LeafNode} or leaf data), or null. */
  Object indexEntry(Bytes key) {
    KeyIndex keys = index;
    return keys == null ? null : keys.entry(key.toArrayUnsafe());
  }

  private static byte[] hashedKey(byte[] preimage) {
    byte[] hash = new byte[32];
    Keccak.keccak256(preimage, 0, preimage.length, hash, 0);
    return Nibbles.fromBytes(hash);
  }
}
