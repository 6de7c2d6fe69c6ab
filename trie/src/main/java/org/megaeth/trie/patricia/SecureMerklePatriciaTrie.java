package org.megaeth.trie.patricia;

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
 * slot). A thin layer over {@link MerklePatriciaTrie}; see there for the semantics.
 */
public final class SecureMerklePatriciaTrie {
  private final MerklePatriciaTrie trie;

  private SecureMerklePatriciaTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  public static SecureMerklePatriciaTrie create() {
    return new SecureMerklePatriciaTrie(MerklePatriciaTrie.create());
  }

  public static SecureMerklePatriciaTrie load(Hash root, NodeStore store) {
    return new SecureMerklePatriciaTrie(MerklePatriciaTrie.load(root, store));
  }

  public static SecureMerklePatriciaTrie fromWitness(Hash root, Map<Hash, Bytes> nodes) {
    return new SecureMerklePatriciaTrie(MerklePatriciaTrie.fromWitness(root, nodes));
  }

  public static SecureMerklePatriciaTrie fromWitness(Witness witness) {
    return fromWitness(witness.root(), witness.nodes());
  }

  public SecureMerklePatriciaTrie copy() {
    return new SecureMerklePatriciaTrie(trie.copy());
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  public Optional<Bytes> get(Bytes key) {
    byte[] value = trie.get(hashedKey(key));
    return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
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
    byte[][] keys = new byte[n][];
    byte[][] values = new byte[n][];
    int i = 0;
    for (Map.Entry<Bytes, Bytes> e : changes.entrySet()) {
      keys[i] = hashedKey(e.getKey());
      Bytes value = e.getValue();
      values[i] = value == null || value.isEmpty() ? null : value.toArray();
      i++;
    }
    trie.apply(keys, values, executor);
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash rootHash(Executor executor) {
    return trie.rootHash(executor);
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

  public NodeBatch commit() {
    return trie.commit();
  }

  private static byte[] hashedKey(Bytes key) {
    byte[] hash = new byte[32];
    byte[] raw = key.toArrayUnsafe();
    Keccak.keccak256(raw, 0, raw.length, hash, 0);
    return Nibbles.fromBytes(hash);
  }
}
