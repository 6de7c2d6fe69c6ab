package org.megaeth.trie.patricia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.store.InMemoryNodeStore;

class SecureMerklePatriciaTrieTest {
  @Test
  void shouldEqualPlainTrieOverHashedKeysWhenSameEntries() {
    SecureMerklePatriciaTrie secure = SecureMerklePatriciaTrie.create();
    MerklePatriciaTrie plain = MerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      Bytes key = Bytes.of(i, i);
      secure.put(key, Bytes.of(i + 1));
      plain.put(Bytes.wrap(Keccak.keccak256(key.toArrayUnsafe())), Bytes.of(i + 1));
    }

    assertThat(secure.rootHash()).isEqualTo(plain.rootHash());
    assertThat(secure.get(Bytes.of(5, 5))).contains(Bytes.of(6));
    assertThat(secure.get(Bytes.of(5, 6))).isEmpty();
  }

  @Property(tries = 200)
  void shouldReadSameValuesWhenReadingByIndexFromCopyOrFromStore(
      @ForAll("ops") List<Tuple2<Integer, Integer>> ops) {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    SecureMerklePatriciaTrie copy = null;
    Map<Bytes, Bytes> modelAtCopy = null;
    for (int i = 0; i < ops.size(); i++) {
      Bytes key = Bytes.ofUnsignedShort(ops.get(i).get1());
      Bytes value = ops.get(i).get2() == 0 ? Bytes.EMPTY : Bytes.of(ops.get(i).get2());
      trie.put(key, value);
      if (value.isEmpty()) {
        model.remove(key);
      } else {
        model.put(key, value);
      }
      if (i == ops.size() / 2) {
        copy = trie.copy();
        modelAtCopy = new HashMap<>(model);
      }
    }
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(trie.commit());
    SecureMerklePatriciaTrie loaded = SecureMerklePatriciaTrie.load(trie.rootHash(), store);

    for (int k = 0; k < 40; k++) {
      Bytes key = Bytes.ofUnsignedShort(k);
      assertThat(trie.get(key)).isEqualTo(Optional.ofNullable(model.get(key)));
      assertThat(loaded.get(key)).isEqualTo(Optional.ofNullable(model.get(key)));
      if (copy != null) {
        assertThat(copy.get(key)).isEqualTo(Optional.ofNullable(modelAtCopy.get(key)));
      }
    }
  }

  /**
   * Account values ending with the empty storage root and code hash are stored without those 66
   * bytes (LeafNode's account tail). Values with that tail, values that are only the tail, and
   * values without it are mixed over the same keys.
   */
  @Property(tries = 200)
  void shouldKeepValuesAndRootsWhenValuesEndWithTheEmptyAccountTail(
      @ForAll("shapeOps") List<Tuple2<Integer, Integer>> ops) throws InvalidProofException {
    checkAgainstReference(ops, 20, SecureMerklePatriciaTrieTest::tailValue);
  }

  /**
   * 32-byte keys with 32-byte words (rlp 0xa0 ++ word) are kept in the leaf's fields ({@link
   * WordSlotLeafNode}), small values too ({@link SmallSlotLeafNode}), other values in an array.
   * Words, small numbers, 31- and 33-byte values are mixed over the same keys, so a key's leaf
   * changes shape.
   */
  @Property(tries = 200)
  void shouldKeepValuesAndRootsWhenValuesAreWordsUnderWordKeys(
      @ForAll("shapeOps") List<Tuple2<Integer, Integer>> ops) throws InvalidProofException {
    checkAgainstReference(ops, 32, SecureMerklePatriciaTrieTest::slotValue);
  }

  @Test
  void shouldMatchReferenceWhenPlainLeafDataWouldBeSixtyFourBytes() {
    // A 64-nibble path (32 packed bytes) after a 1-byte header and a 31-byte value: 64 bytes.
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    Map<Bytes, Bytes> entries = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      Bytes key = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i}));
      Bytes value = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i, 1})).slice(0, 31);
      trie.put(key, value);
      entries.put(key, value);
    }
    assertThat(trie.rootHash()).isEqualTo(ReferenceTrieRoot.root(entries));
    entries.forEach((k, v) -> assertThat(trie.get(k)).contains(v));
  }

  /**
   * Applies {@code ops} (key number, value number; value number 0 removes) over keys of {@code
   * keyLength} bytes and checks roots (against the reference), reads by index, by copy, by frozen
   * trie, by proof and from a store, the iterator, and rewriting every value over decoded leaves.
   */
  private static void checkAgainstReference(
      List<Tuple2<Integer, Integer>> ops, int keyLength, IntFunction<Bytes> values)
      throws InvalidProofException {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (Tuple2<Integer, Integer> op : ops) {
      Bytes key = shapedKey(op.get1(), keyLength);
      Bytes value = values.apply(op.get2());
      trie.put(key, value);
      if (value.isEmpty()) {
        model.remove(key);
      } else {
        model.put(key, value);
      }
    }
    Map<Bytes, Bytes> hashed = new HashMap<>();
    model.forEach((k, v) -> hashed.put(Bytes.wrap(Keccak.keccak256(k.toArrayUnsafe())), v));
    Hash root = trie.rootHash();
    assertThat(root).isEqualTo(ReferenceTrieRoot.root(hashed));

    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(trie.commit());
    SecureMerklePatriciaTrie loaded = SecureMerklePatriciaTrie.load(root, store);
    SecureMerklePatriciaTrie copy = trie.copy();
    FrozenSecureTrie frozen = trie.freeze();
    Map<Bytes, Bytes> iterated = new HashMap<>();
    frozen.iterator().forEachRemaining(e -> iterated.put(e.key(), e.value()));
    assertThat(iterated).isEqualTo(model);
    for (int k = 0; k < 40; k++) {
      Bytes key = shapedKey(k, keyLength);
      Optional<Bytes> expected = Optional.ofNullable(model.get(key));
      assertThat(trie.get(key)).isEqualTo(expected);
      assertThat(copy.get(key)).isEqualTo(expected);
      assertThat(frozen.get(key)).isEqualTo(expected);
      assertThat(loaded.get(key)).isEqualTo(expected);
      Bytes hashedKey = Bytes.wrap(Keccak.keccak256(key.toArrayUnsafe()));
      assertThat(MerkleProof.verify(root, hashedKey, trie.getProof(key))).isEqualTo(expected);
    }
    assertThat(trie.indexHoldsTrieLeaves()).isTrue();
    // Rewriting every value unchanged over leaves decoded from the store changes nothing.
    loaded.apply(model);
    assertThat(loaded.rootHash()).isEqualTo(root);
    // Rewriting them over the in-memory leaves keeps the root too.
    trie.apply(model);
    assertThat(trie.rootHash()).isEqualTo(root);
    assertThat(trie.indexHoldsTrieLeaves()).isTrue();
  }

  private static Bytes shapedKey(int k, int keyLength) {
    return Bytes.concatenate(Bytes.wrap(new byte[keyLength - 2]), Bytes.ofUnsignedShort(k));
  }

  /** 0: remove; else an account-like value with, without, or consisting only of the tail. */
  private static Bytes tailValue(int v) {
    Bytes tail =
        Bytes.concatenate(
            Rlp.encodeBytes(MerklePatriciaTrie.EMPTY_TRIE_ROOT.bytes()),
            Rlp.encodeBytes(Keccak.EMPTY.bytes()));
    return switch (v % 4) {
      case 0 -> v == 0 ? Bytes.EMPTY : tail; // the tail alone is stored whole
      case 1 -> Bytes.concatenate(Bytes.of(0xf8, 0x44, v), tail); // an externally owned account
      case 2 -> Bytes.concatenate(Bytes.of(v), tail, Bytes.of(1)); // the tail, not at the end
      // 42 stored bytes: with a 1-byte header, a tail pad and a 20-byte key, 64: padded again
      default -> Bytes.concatenate(Bytes.wrap(new byte[40]), Bytes.ofUnsignedShort(v), tail);
    };
  }

  /** 0: remove; else a word, a value of 31 or 33 bytes, or a short one. */
  private static Bytes slotValue(int v) {
    Bytes word = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) v}));
    return switch (v % 4) {
      case 0 -> v == 0 ? Bytes.EMPTY : Rlp.encodeBytes(Bytes.of(v)); // a small number
      case 1 -> Rlp.encodeBytes(word); // 0xa0 ++ word: the 64-byte shape
      case 2 -> word.slice(0, 31); // 31 bytes: an array leaf
      default -> Bytes.concatenate(Bytes.of(0xa1), word); // 33 bytes, not a word's RLP
    };
  }

  /**
   * Small values under 32-byte keys ({@link SmallSlotLeafNode}: 1 to 8 bytes, or 0x88 and 8 more)
   * mixed with words and with values just outside the shape, over the same keys.
   */
  @Property(tries = 200)
  void shouldKeepValuesAndRootsWhenSlotValuesAreSmall(
      @ForAll("shapeOps") List<Tuple2<Integer, Integer>> ops) throws InvalidProofException {
    checkAgainstReference(ops, 32, SecureMerklePatriciaTrieTest::smallSlotValue);
  }

  /** 0: remove; else a small value of each length, a word, or a value just too long. */
  private static Bytes smallSlotValue(int v) {
    Bytes word = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) v}));
    return switch (v % 6) {
      case 0 -> v == 0 ? Bytes.EMPTY : Bytes.of(v); // one byte below 0x80
      case 1 -> Rlp.encodeBytes(word.slice(0, v % 8 + 1)); // 0x81 to 0x88 ++ 1 to 8 bytes
      case 2 -> word.slice(0, 8); // any 8 bytes
      case 3 -> Rlp.encodeBytes(word); // a word
      case 4 -> Bytes.concatenate(Bytes.of(0x89), word.slice(0, 8)); // 9 bytes, not 0x88
      default -> word.slice(0, 10);
    };
  }

  /**
   * A 32-byte key whose path (its keccak) shares the first {@code nibbles} nibbles with {@code
   * key}'s and then differs (found by search), so the two part at a branch at that depth.
   */
  private static Bytes partingAt(Bytes key, int nibbles) {
    byte[] target = path(key);
    target[nibbles] = (byte) ((target[nibbles] + 1) & 0xF);
    for (int i = 2; ; i++) {
      Bytes candidate = shapedKey(i, 32);
      if (Arrays.equals(path(candidate), 0, nibbles + 1, target, 0, nibbles + 1)) {
        return candidate;
      }
    }
  }

  private static byte[] path(Bytes key) {
    return Nibbles.fromBytes(Keccak.keccak256(key.toArrayUnsafe()));
  }

  private static Bytes word(int v) {
    return Rlp.encodeBytes(Bytes.wrap(Keccak.keccak256(new byte[] {(byte) v, 7})));
  }

  /** The leaf the index holds for a key kept in fields. */
  private static LeafNode indexedLeaf(SecureMerklePatriciaTrie trie, Bytes key) {
    return (LeafNode) trie.indexEntry(key);
  }

  private static Hash referenceRoot(Map<Bytes, Bytes> model) {
    Map<Bytes, Bytes> hashed = new HashMap<>();
    model.forEach((k, v) -> hashed.put(Bytes.wrap(Keccak.keccak256(k.toArrayUnsafe())), v));
    return ReferenceTrieRoot.root(hashed);
  }

  /** Root, reads, proofs and the index of {@code trie} against {@code model}. */
  private static void checkSlots(SecureMerklePatriciaTrie trie, Map<Bytes, Bytes> model)
      throws InvalidProofException {
    Hash root = trie.rootHash();
    assertThat(root).isEqualTo(referenceRoot(model));
    assertThat(trie.indexHoldsTrieLeaves()).isTrue();
    FrozenSecureTrie frozen = trie.freeze();
    for (Map.Entry<Bytes, Bytes> e : model.entrySet()) {
      Bytes hashedKey = Bytes.wrap(Keccak.keccak256(e.getKey().toArrayUnsafe()));
      assertThat(trie.get(e.getKey())).contains(e.getValue());
      assertThat(frozen.get(e.getKey())).contains(e.getValue());
      assertThat(MerkleProof.verify(root, hashedKey, trie.getProof(e.getKey())))
          .contains(e.getValue());
      assertThat(MerkleProof.verify(root, hashedKey, frozen.getProof(e.getKey())))
          .contains(e.getValue());
    }
  }

  @Test
  void shouldFollowLeafInIndexWhenSplitMovesItDeeper() throws InvalidProofException {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    Bytes a = shapedKey(1, 32);
    Bytes b = partingAt(a, 2); // shares two nibbles with a
    Bytes c = partingAt(a, 0);
    model.put(a, word(1));
    model.put(c, Bytes.of(5));
    trie.apply(model);
    checkSlots(trie, model);
    LeafNode before = indexedLeaf(trie, a);
    assertThat(before).isInstanceOf(WordSlotLeafNode.class);
    assertThat(before.depth).isEqualTo((short) 1);

    trie.put(b, word(2)); // a moves from depth 1 to depth 3, under a new branch
    model.put(b, word(2));

    LeafNode after = indexedLeaf(trie, a);
    assertThat(after).isNotSameAs(before).isInstanceOf(WordSlotLeafNode.class);
    assertThat(after.depth).isEqualTo((short) 3);
    checkSlots(trie, model);
  }

  @Test
  void shouldChangeLeafShapeWhenSlotValueChangesBetweenWordAndSmallAndBack()
      throws InvalidProofException {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      model.put(shapedKey(i, 32), word(i));
    }
    trie.apply(model);
    checkSlots(trie, model);
    Bytes key = shapedKey(7, 32);
    Bytes[] values = {
      Bytes.of(3),
      Rlp.encodeBytes(Bytes.of(1, 2, 3, 4, 5, 6, 7, 8)),
      word(99),
      Bytes.of(0x94, 1),
      Bytes.of(0x80),
      word(7)
    };
    Class<?>[] shapes = {
      SmallSlotLeafNode.class,
      SmallSlotLeafNode.class,
      WordSlotLeafNode.class,
      SmallSlotLeafNode.class,
      SmallSlotLeafNode.class,
      WordSlotLeafNode.class
    };
    FrozenSecureTrie first = trie.freeze();
    for (int i = 0; i < values.length; i++) {
      trie.put(key, values[i]);
      model.put(key, values[i]);
      assertThat(trie.indexEntry(key)).isInstanceOf(shapes[i]);
      checkSlots(trie, model);
    }
    trie.put(key, Bytes.concatenate(Bytes.of(0x94), Bytes.wrap(new byte[20])));
    assertThat(trie.indexEntry(key)).isInstanceOf(byte[].class); // an array leaf's data
    // The first frozen version still reads the first word.
    assertThat(first.get(key)).contains(word(7));
  }

  @Test
  void shouldMoveSiblingUpAndKeepIndexWhenRemovalCollapsesBranch() throws InvalidProofException {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    Bytes a = shapedKey(1, 32);
    Bytes b = partingAt(a, 3); // a branch at depth 3 holds a, b
    Bytes c = partingAt(a, 0);
    model.put(a, word(1));
    model.put(b, Bytes.of(0x82, 1, 2));
    model.put(c, word(3));
    trie.apply(model);
    checkSlots(trie, model);
    FrozenSecureTrie frozen = trie.freeze();
    assertThat(indexedLeaf(trie, a).depth).isEqualTo((short) 4);

    trie.remove(b); // the branch under a's first nibble collapses: a moves up to depth 1
    model.remove(b);

    assertThat(indexedLeaf(trie, a).depth).isEqualTo((short) 1);
    assertThat(trie.indexEntry(b)).isNull();
    assertThat(trie.get(b)).isEmpty();
    checkSlots(trie, model);
    assertThat(frozen.get(b)).contains(Bytes.of(0x82, 1, 2));

    trie.remove(c); // the root branch collapses: a becomes the root leaf
    model.remove(c);
    assertThat(indexedLeaf(trie, a).depth).isZero();
    checkSlots(trie, model);
  }

  @Test
  void shouldReproduceRootOnWitnessWhenSlotLeavesAreSplitMovedAndCollapsed() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    Map<Bytes, Bytes> start = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      start.put(shapedKey(i, 32), i % 3 == 0 ? Bytes.of(i & 0x7f) : word(i));
    }
    trie.apply(start);
    Hash pre = trie.rootHash();
    Map<Bytes, Bytes> changes = new TreeMap<>();
    for (int i = 0; i < 300; i += 7) {
      changes.put(shapedKey(i, 32), Bytes.EMPTY); // removals, some collapsing a branch
    }
    for (int i = 1; i < 300; i += 11) {
      changes.put(shapedKey(i, 32), i % 2 == 0 ? word(i + 1) : Bytes.of(0x81, 0x90)); // shapes
    }
    for (int i = 300; i < 340; i++) {
      changes.put(shapedKey(i, 32), word(i)); // new keys, some splitting a leaf
    }

    trie.startRecording();
    trie.apply(changes);
    Hash post = trie.rootHash();
    Witness witness = trie.stopRecording();

    SecureMerklePatriciaTrie stateless = SecureMerklePatriciaTrie.fromWitness(witness);
    assertThat(witness.root()).isEqualTo(pre);
    stateless.apply(changes);
    assertThat(stateless.rootHash()).isEqualTo(post);
    Map<Bytes, Bytes> model = new HashMap<>(start);
    changes.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            model.remove(k);
          } else {
            model.put(k, v);
          }
        });
    assertThat(post).isEqualTo(referenceRoot(model));
    assertThat(trie.indexHoldsTrieLeaves()).isTrue();
  }

  @Test
  void shouldWalkTrieWhenRecordingSoWitnessHoldsPathOfRead() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      trie.put(Bytes.of(i), Bytes.of(1, i));
    }
    trie.rootHash();

    trie.startRecording();
    Optional<Bytes> value = trie.get(Bytes.of(42));
    Witness witness = trie.stopRecording();

    assertThat(value).contains(Bytes.of(1, 42));
    assertThat(SecureMerklePatriciaTrie.fromWitness(witness).get(Bytes.of(42)))
        .contains(Bytes.of(1, 42));
  }

  @Test
  void shouldHashOnlyChangedPathWhenOneKeyIsUpdated() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (int i = 0; i < 1000; i++) {
      trie.put(
          Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i, (byte) (i >> 8)})),
          Bytes.ofUnsignedShort(i));
    }
    trie.rootHash();
    long before = trie.hashedNodeCount();

    trie.put(Bytes.wrap(Keccak.keccak256(new byte[] {5, 0})), Bytes.of(9, 9));
    trie.rootHash();

    // 1,000 random keys: the leaf sits under two to four branches, and only that path is hashed.
    assertThat(trie.hashedNodeCount() - before).isBetween(3L, 5L);
    assertThat(trie.copy().hashedNodeCount()).isZero();
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, Integer>>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 39), Arbitraries.integers().between(0, 3))
        .as(Tuple::of)
        .list()
        .ofMaxSize(120);
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, Integer>>> shapeOps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 39), Arbitraries.integers().between(0, 11))
        .as(Tuple::of)
        .list()
        .ofMaxSize(120);
  }

  @Test
  void shouldReproduceRootWhenReplayedOnWitnessOrReloadedFromStore() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.create();
    for (int i = 0; i < 100; i++) {
      trie.put(Bytes.of(i), Bytes.of(1, i));
    }
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(trie.commit());
    Hash pre = trie.rootHash();
    Map<Bytes, Bytes> changes = Map.of(Bytes.of(3), Bytes.EMPTY, Bytes.of(200), Bytes.of(9));

    trie.startRecording();
    trie.apply(changes);
    Hash post = trie.rootHash();
    Witness witness = trie.stopRecording();

    SecureMerklePatriciaTrie stateless = SecureMerklePatriciaTrie.fromWitness(witness);
    stateless.apply(changes);
    assertThat(witness.root()).isEqualTo(pre);
    assertThat(stateless.rootHash()).isEqualTo(post);
    SecureMerklePatriciaTrie loaded = SecureMerklePatriciaTrie.load(pre, store);
    loaded.apply(changes);
    assertThat(loaded.rootHash()).isEqualTo(post);
  }
}
