package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.InMemoryNodeStore;

/**
 * Properties of the trie over random sequences of inserts and deletes. Keys come from a small
 * alphabet so that they share prefixes, end inside one another (branch values) and make small,
 * embedded nodes; values are 1 to 40 bytes so that leaves are both embedded and hashed.
 */
class MerklePatriciaTriePropertiesTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  record Op(Bytes key, Bytes value) {
    boolean isDelete() {
      return value.isEmpty();
    }
  }

  @AfterContainer
  static void shutdown() {
    POOL.shutdown();
  }

  @Property(tries = 300)
  void shouldMatchRootBuiltFromScratchWhenUpdatingIncrementally(
      @ForAll("ops") List<Op> ops, @ForAll("hashEvery") int hashEvery) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      apply(trie, model, ops.get(i));
      if (i % hashEvery == 0) {
        assertThat(trie.rootHash()).isEqualTo(ReferenceTrieRoot.root(model));
      }
    }
    MerklePatriciaTrie scratch = MerklePatriciaTrie.create();
    model.forEach(scratch::put);
    assertThat(trie.rootHash())
        .isEqualTo(scratch.rootHash())
        .isEqualTo(ReferenceTrieRoot.root(model));
    for (Op op : ops) {
      assertThat(trie.get(op.key())).isEqualTo(Optional.ofNullable(model.get(op.key())));
    }
  }

  /**
   * A batch is applied subtrie by subtrie (each branch rebuilt once, with all of its changes): the
   * trie it leaves must be the one applying the changes one at a time leaves, including where a
   * branch loses and gains children in the same batch.
   */
  @Property(tries = 300)
  void shouldLeaveSameTrieAsOneAtATimeWhenApplyingABatch(
      @ForAll("ops") List<Op> base, @ForAll("ops") List<Op> ops, @ForAll int seed) {
    MerklePatriciaTrie batched = MerklePatriciaTrie.create();
    batched.apply(wideKeys(64));
    batched.apply(batch(base));
    batched.rootHash();
    MerklePatriciaTrie oneAtATime = batched.copy();
    Map<Bytes, Bytes> changes = batch(ops);
    // Removals of keys that are there, so that branches below the root collapse (and some get
    // children again from the other changes).
    java.util.Random random = new java.util.Random(seed);
    List<Bytes> present = new ArrayList<>(wideKeys(64).keySet());
    base.forEach(op -> present.add(op.key()));
    for (Bytes key : present) {
      if (random.nextInt(3) > 0) {
        changes.putIfAbsent(key, Bytes.EMPTY);
      }
    }

    batched.apply(changes);
    changes.forEach(oneAtATime::put);

    assertThat(batched.rootHash()).isEqualTo(oneAtATime.rootHash());
    for (Bytes key : changes.keySet()) {
      assertThat(batched.get(key)).isEqualTo(oneAtATime.get(key));
    }
  }

  /** The same for a secure trie, whose reads go through the index of the leaves a batch creates. */
  @Property(tries = 200)
  void shouldReadBackEveryKeyWhenApplyingSecureBatches(
      @ForAll("ops") List<Op> base, @ForAll("ops") List<Op> ops) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (Map<Bytes, Bytes> changes : List.of(wideKeys(64), batch(base), batch(ops))) {
      trie.get(Bytes.EMPTY); // builds the index, which then follows every batch
      trie.apply(changes);
      for (Map.Entry<Bytes, Bytes> change : changes.entrySet()) {
        apply(model, change.getKey(), change.getValue());
      }
      assertThat(trie.indexHoldsTrieLeaves()).isTrue();
      for (Bytes key : changes.keySet()) {
        assertThat(trie.get(key)).isEqualTo(Optional.ofNullable(model.get(key)));
      }
    }
    SecureMerklePatriciaTrie scratch = SecureMerklePatriciaTrie.create();
    scratch.apply(model);
    assertThat(trie.rootHash()).isEqualTo(scratch.rootHash());
  }

  @Property(tries = 200)
  void shouldGiveSameRootAndWitnessWhenApplyingInParallel(
      @ForAll("ops") List<Op> base, @ForAll("ops") List<Op> ops) {
    MerklePatriciaTrie sequential = MerklePatriciaTrie.create();
    sequential.apply(batch(base));
    sequential.apply(wideKeys(64));
    MerklePatriciaTrie parallel = sequential.copy();
    sequential.startRecording();
    parallel.startRecording();

    sequential.apply(batch(ops));
    parallel.apply(batch(ops), POOL);

    assertThat(parallel.rootHash(POOL)).isEqualTo(sequential.rootHash());
    assertThat(parallel.stopRecording()).isEqualTo(sequential.stopRecording());
  }

  @Property(tries = 200)
  void shouldVerifyProofsAndRejectTamperedOnesWhenKeysPresentOrAbsent(
      @ForAll("ops") List<Op> ops, @ForAll("keys") List<Bytes> probes, @ForAll int seed)
      throws InvalidProofException {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    ops.forEach(op -> apply(trie, model, op));
    Hash root = trie.rootHash();
    List<Bytes> keys = new ArrayList<>(probes);
    ops.forEach(op -> keys.add(op.key()));
    java.util.Random random = new java.util.Random(seed);
    for (Bytes key : keys) {
      List<Bytes> proof = trie.getProof(key);
      assertThat(MerkleProof.verify(root, key, proof))
          .isEqualTo(Optional.ofNullable(model.get(key)));
      if (proof.isEmpty()) {
        continue;
      }
      int index = random.nextInt(proof.size());
      byte[] node = proof.get(index).toArray();
      node[random.nextInt(node.length)] ^= (byte) (1 + random.nextInt(255));
      List<Bytes> tampered = new ArrayList<>(proof);
      tampered.set(index, Bytes.wrap(node));
      assertThatThrownBy(() -> MerkleProof.verify(root, key, tampered))
          .isInstanceOf(InvalidProofException.class);
      assertThatThrownBy(() -> MerkleProof.verify(root, key, proof.subList(0, proof.size() - 1)))
          .isInstanceOf(InvalidProofException.class);
      List<Bytes> extended = new ArrayList<>(proof);
      extended.add(proof.get(0));
      assertThatThrownBy(() -> MerkleProof.verify(root, key, extended))
          .isInstanceOf(InvalidProofException.class);
    }
  }

  @Property(tries = 200)
  void shouldRecomputeRootFromWitnessAloneWhenReplayingOperations(
      @ForAll("ops") List<Op> base,
      @ForAll("ops") List<Op> ops,
      @ForAll("keys") List<Bytes> reads,
      @ForAll boolean parallel) {
    MerklePatriciaTrie full = MerklePatriciaTrie.create();
    full.apply(batch(base));
    Map<Bytes, Bytes> changes = batch(ops);

    full.startRecording();
    List<Optional<Bytes>> before = readAll(full, reads);
    full.apply(changes, parallel ? POOL : null);
    List<Optional<Bytes>> after = readAll(full, reads);
    Hash post = full.rootHash();
    Witness witness = full.stopRecording();

    MerklePatriciaTrie partial = MerklePatriciaTrie.fromWitness(witness);
    assertThat(replay(partial, reads, changes)).isEqualTo(post);
    assertThat(readAll(MerklePatriciaTrie.fromWitness(witness), reads)).isEqualTo(before);
    assertThat(readAll(partial, reads)).isEqualTo(after);

    for (Hash removed : witness.nodes().keySet()) {
      Map<Hash, Bytes> incomplete = new HashMap<>(witness.nodes());
      incomplete.remove(removed);
      MerklePatriciaTrie stateless = MerklePatriciaTrie.fromWitness(witness.root(), incomplete);
      assertThatThrownBy(() -> replay(stateless, reads, changes))
          .isInstanceOfSatisfying(
              MissingTrieNodeException.class, e -> assertThat(e.hash()).isEqualTo(removed));
    }
  }

  @Property(tries = 200)
  void shouldKeepExactlyLiveNodesInStoreWhenCommittingSuccessively(
      @ForAll("ops") List<Op> first, @ForAll("ops") List<Op> second) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    Map<Bytes, Bytes> model = new HashMap<>();
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    first.forEach(op -> apply(trie, model, op));
    store.apply(trie.commit());

    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    second.forEach(op -> apply(loaded, model, op));
    store.apply(loaded.commit());

    MerklePatriciaTrie scratch = MerklePatriciaTrie.create();
    model.forEach(scratch::put);
    assertThat(store.snapshot()).isEqualTo(scratch.commit().puts());
    MerklePatriciaTrie reopened = MerklePatriciaTrie.load(loaded.rootHash(), store);
    assertThat(reopened.rootHash()).isEqualTo(ReferenceTrieRoot.root(model));
    model.forEach((k, v) -> assertThat(reopened.get(k)).contains(v));
  }

  @Property(tries = 100)
  void shouldMatchOracleWhenSecureKeysAreUpdatedInParallel(
      @ForAll("ops") List<Op> base, @ForAll("ops") List<Op> ops) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> hashedModel = new HashMap<>();
    for (List<Op> list : List.of(base, ops)) {
      trie.apply(batch(list), POOL);
      batch(list)
          .forEach(
              (k, v) -> {
                Bytes hashed = Bytes.wrap(Keccak.keccak256(k.toArrayUnsafe()));
                if (v.isEmpty()) {
                  hashedModel.remove(hashed);
                } else {
                  hashedModel.put(hashed, v);
                }
              });
      assertThat(trie.rootHash(POOL)).isEqualTo(ReferenceTrieRoot.root(hashedModel));
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Hash replay(MerklePatriciaTrie trie, List<Bytes> reads, Map<Bytes, Bytes> ops) {
    readAll(trie, reads);
    trie.apply(ops);
    readAll(trie, reads);
    return trie.rootHash();
  }

  private static List<Optional<Bytes>> readAll(MerklePatriciaTrie trie, List<Bytes> keys) {
    List<Optional<Bytes>> out = new ArrayList<>();
    keys.forEach(k -> out.add(trie.get(k)));
    return out;
  }

  private static void apply(MerklePatriciaTrie trie, Map<Bytes, Bytes> model, Op op) {
    trie.put(op.key(), op.value());
    apply(model, op.key(), op.value());
  }

  /** The model's side of a change: an empty value removes the key. */
  private static void apply(Map<Bytes, Bytes> model, Bytes key, Bytes value) {
    if (value.isEmpty()) {
      model.remove(key);
    } else {
      model.put(key, value);
    }
  }

  private static Map<Bytes, Bytes> batch(List<Op> ops) {
    Map<Bytes, Bytes> batch = new LinkedHashMap<>();
    ops.forEach(op -> batch.put(op.key(), op.value()));
    return batch;
  }

  /** Keys spread over all first nibbles, so that the root is a branch with many subtries. */
  private static Map<Bytes, Bytes> wideKeys(int count) {
    Map<Bytes, Bytes> keys = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Bytes key = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i}));
      keys.put(key, Bytes.of(i + 1));
    }
    return keys;
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Bytes> values =
        Arbitraries.frequencyOf(
            Tuple.of(
                3,
                Arbitraries.bytes()
                    .array(byte[].class)
                    .ofMinSize(1)
                    .ofMaxSize(40)
                    .map(Bytes::wrap)),
            Tuple.of(1, Arbitraries.just(Bytes.EMPTY)));
    return Combinators.combine(key(), values).as(Op::new).list().ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<Bytes>> keys() {
    return key().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<Integer> hashEvery() {
    return Arbitraries.integers().between(1, 20);
  }

  private static Arbitrary<Bytes> key() {
    Arbitrary<Bytes> small =
        Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x1f, (byte) 0xa0, (byte) 0xff)
            .list()
            .ofMaxSize(5)
            .map(MerklePatriciaTriePropertiesTest::toBytes);
    Arbitrary<Bytes> wide =
        Arbitraries.integers()
            .between(0, 40)
            .map(i -> Bytes.wrap(Keccak.keccak256(Bytes.ofUnsignedInt(i).toArray())));
    return Arbitraries.frequencyOf(Tuple.of(3, small), Tuple.of(1, wide));
  }

  private static Bytes toBytes(List<Byte> list) {
    byte[] out = new byte[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return Bytes.wrap(out);
  }
}
