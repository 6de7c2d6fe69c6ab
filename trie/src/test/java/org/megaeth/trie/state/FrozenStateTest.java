package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.InvalidProofException;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.MerkleProof;

class FrozenStateTest {
  private static final Address ALICE = Address.ofNumber(0xa11ce);
  private static final Address BOB = Address.ofNumber(0xb0b);
  private static final Address CAROL = Address.ofNumber(0xca201);
  private static final Bytes CODE = Bytes.of(0x60, 0x01, 0x60, 0x00, 0x55);

  @Test
  void shouldReadCommittedValuesWhenFrozen() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(1000));
    state.setNonce(ALICE, 7);
    state.setCode(ALICE, CODE);
    state.setStorage(ALICE, UInt256.ONE, UInt256.valueOf(0x1234));
    state.setBalance(BOB, Wei.of(5));
    Hash root = state.computeRoot();

    FrozenState frozen = state.freeze();

    assertThat(frozen.rootHash()).isEqualTo(root);
    assertThat(frozen.getAccount(ALICE)).isEqualTo(state.getAccount(ALICE));
    assertThat(frozen.exists(BOB)).isTrue();
    assertThat(frozen.exists(CAROL)).isFalse();
    assertThat(frozen.getAccount(CAROL)).isEmpty();
    assertThat(frozen.getStorage(ALICE, UInt256.ONE)).isEqualTo(UInt256.valueOf(0x1234));
    assertThat(frozen.getStorage(ALICE, UInt256.valueOf(2))).isEqualTo(UInt256.ZERO);
    assertThat(frozen.getStorage(BOB, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(frozen.getCode(ALICE)).isEqualTo(CODE);
    assertThat(frozen.getCode(BOB)).isEqualTo(Bytes.EMPTY);
    assertThat(frozen.getCodeByHash(Keccak.hash(CODE))).contains(CODE);
    assertThat(frozen.accountsWithStorage()).isEqualTo(1);
  }

  @Test
  void shouldKeepOldValuesWhenLaterBlocksChangeDeleteAndWipe() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(1));
    state.setStorage(ALICE, UInt256.ONE, UInt256.valueOf(11));
    state.setStorage(BOB, UInt256.ONE, UInt256.valueOf(22));
    Hash root = state.computeRoot();
    FrozenState frozen = state.freeze();

    state.setBalance(ALICE, Wei.of(2));
    state.setStorage(ALICE, UInt256.ONE, UInt256.valueOf(12));
    state.deleteAccount(BOB);
    state.createAccount(CAROL);
    state.computeRoot();
    state.createAccount(ALICE); // wipes its storage
    state.computeRoot();

    assertThat(frozen.rootHash()).isEqualTo(root);
    assertThat(frozen.getAccount(ALICE).map(Account::balance)).contains(Wei.of(1));
    assertThat(frozen.getStorage(ALICE, UInt256.ONE)).isEqualTo(UInt256.valueOf(11));
    assertThat(frozen.getStorage(BOB, UInt256.ONE)).isEqualTo(UInt256.valueOf(22));
    assertThat(frozen.exists(CAROL)).isFalse();
    assertThat(rebuiltRoot(frozen)).isEqualTo(root);
    FrozenState now = state.freeze();
    assertThat(now.getStorage(ALICE, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(now.exists(BOB)).isFalse();
    assertThat(now.accountsWithStorage()).isZero();
  }

  @Test
  void shouldGiveTheViewBeforeTheBlockWhenCommitIsUndone() {
    WorldState state = WorldState.create();
    state.setStorage(ALICE, UInt256.ONE, UInt256.valueOf(1));
    Hash before = state.computeRoot();
    state.setStorage(ALICE, UInt256.ONE, UInt256.valueOf(2));
    state.setStorage(BOB, UInt256.ONE, UInt256.valueOf(3));
    state.computeRoot();
    FrozenState undone = state.freeze();

    state.undoLastCommit();
    FrozenState after = state.freeze();

    assertThat(after.rootHash()).isEqualTo(before);
    assertThat(after.getStorage(ALICE, UInt256.ONE)).isEqualTo(UInt256.ONE);
    assertThat(after.getStorage(BOB, UInt256.ONE)).isEqualTo(UInt256.ZERO);
    assertThat(rebuiltRoot(after)).isEqualTo(before);
    assertThat(undone.getStorage(ALICE, UInt256.ONE)).isEqualTo(UInt256.valueOf(2));
    assertThat(rebuiltRoot(undone)).isEqualTo(undone.rootHash());
  }

  @Test
  void shouldProvePresentAndAbsentAccountsAndSlotsWhenAsked() throws InvalidProofException {
    WorldState state = WorldState.create();
    for (int i = 0; i < 50; i++) {
      state.setBalance(Address.ofNumber(i + 1), Wei.of(i));
      state.setStorage(ALICE, UInt256.valueOf(i), UInt256.valueOf(i + 100));
    }
    Hash root = state.computeRoot();
    FrozenState frozen = state.freeze();

    StateProof alice = frozen.getProof(ALICE, List.of(UInt256.valueOf(3), UInt256.valueOf(99)));
    StateProof carol = frozen.getProof(CAROL, List.of(UInt256.ONE));

    assertThat(verifyAccount(root, alice)).isEqualTo(frozen.getAccount(ALICE));
    assertThat(alice.storageProofs().get(0).value()).isEqualTo(UInt256.valueOf(103));
    assertThat(verifySlot(alice, alice.storageProofs().get(0))).isEqualTo(UInt256.valueOf(103));
    assertThat(alice.storageProofs().get(1).value()).isEqualTo(UInt256.ZERO);
    assertThat(verifySlot(alice, alice.storageProofs().get(1))).isEqualTo(UInt256.ZERO);
    assertThat(verifyAccount(root, carol)).isEmpty();
    assertThat(carol.storageRoot()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    assertThat(carol.storageProofs().get(0).proof()).isEmpty();
  }

  @Test
  void shouldRefuseWhenChangesArePendingOrStateIsStateless() {
    WorldState state = WorldState.create();
    state.setBalance(ALICE, Wei.of(1));

    assertThatThrownBy(state::freeze)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pending");

    state.computeRoot();
    state.startRecording();
    state.getAccount(ALICE);
    state.computeRoot();
    StateWitness witness = state.stopRecording();
    assertThatThrownBy(() -> WorldState.fromWitness(witness).freeze())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stateless");
  }

  @Test
  void shouldStreamEveryAccountAndSlotWhenIterated() {
    WorldState state = WorldState.create();
    for (int i = 0; i < 200; i++) {
      Address a = Address.ofNumber(i + 1);
      state.setNonce(a, i);
      for (int s = 0; s < i % 5; s++) {
        state.setStorage(a, UInt256.valueOf(s), UInt256.valueOf(i * 10 + s + 1));
      }
    }
    state.computeRoot();
    FrozenState frozen = state.freeze();

    Map<Address, Long> nonces = new HashMap<>();
    long[] slots = {0};
    frozen
        .accounts()
        .forEachRemaining(
            e -> {
              nonces.put(e.address(), e.account().nonce());
              frozen
                  .storage(e.address())
                  .forEachRemaining(
                      s -> {
                        assertThat(state.getStorage(e.address(), s.slot())).isEqualTo(s.value());
                        slots[0]++;
                      });
            });

    assertThat(nonces).hasSize(200);
    assertThat(nonces.get(Address.ofNumber(77))).isEqualTo(76L);
    assertThat(slots[0]).isEqualTo(400);
  }

  // ---------------------------------------------------------------- concurrency

  record ModelAccount(long nonce, long balance, Bytes code, Map<UInt256, UInt256> slots) {}

  record Published(FrozenState view, Hash root, Map<Address, ModelAccount> model) {}

  /**
   * One thread executes and commits random blocks (storage tries hashed in parallel, some commits
   * undone) and publishes a frozen view after each; readers check random published views against
   * the model of their block, and rebuild their root from what they iterate, while the writer goes
   * on. Any node mutated after freezing would show up as a wrong value, proof or root.
   */
  @Test
  void shouldNeverChangeWhenReadFromOtherThreadsWhileBlocksAreCommitted() throws Exception {
    ForkJoinPool hashers = new ForkJoinPool(2);
    List<Published> published = new CopyOnWriteArrayList<>();
    AtomicBoolean writerDone = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong checks = new AtomicLong();

    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    writeBlocks(published, hashers);
                  } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                  } finally {
                    writerDone.set(true);
                  }
                });
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      long seed = r;
      readers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    Random random = new Random(seed);
                    try {
                      while (failure.get() == null) {
                        boolean last = writerDone.get();
                        if (!published.isEmpty()) {
                          check(published.get(random.nextInt(published.size())), random);
                          checks.incrementAndGet();
                        }
                        if (last) {
                          break;
                        }
                      }
                    } catch (Throwable t) {
                      failure.compareAndSet(null, t);
                    }
                  }));
    }
    writer.join(TimeUnit.MINUTES.toMillis(5));
    for (Thread reader : readers) {
      reader.join(TimeUnit.MINUTES.toMillis(5));
    }
    hashers.shutdown();

    if (failure.get() != null) {
      throw new AssertionError("a frozen view changed or failed", failure.get());
    }
    assertThat(published).hasSizeGreaterThan(250);
    assertThat(checks.get()).isGreaterThan(3);
    // Finally, every view ever published still matches its block.
    Random random = new Random(99);
    for (Published p : published) {
      check(p, random);
    }
  }

  private static void writeBlocks(List<Published> published, ForkJoinPool hashers) {
    Random random = new Random(42);
    WorldState state = WorldState.create();
    Map<Address, ModelAccount> model = new HashMap<>();
    for (int block = 0; block < 300; block++) {
      Map<Address, ModelAccount> before = deepCopy(model);
      for (int op = 0; op < 40; op++) {
        Address address = Address.ofNumber(1 + random.nextInt(60));
        ModelAccount current =
            model.getOrDefault(address, new ModelAccount(0, 0, Bytes.EMPTY, new HashMap<>()));
        int kind = random.nextInt(20);
        if (kind < 4) {
          long balance = random.nextInt(1_000_000);
          state.setBalance(address, Wei.of(balance));
          model.put(
              address, new ModelAccount(current.nonce(), balance, current.code(), current.slots()));
        } else if (kind < 6) {
          long nonce = random.nextInt(1000);
          state.setNonce(address, nonce);
          model.put(
              address, new ModelAccount(nonce, current.balance(), current.code(), current.slots()));
        } else if (kind < 17) {
          UInt256 slot = UInt256.valueOf(random.nextInt(40));
          UInt256 value = UInt256.valueOf(random.nextInt(4) == 0 ? 0 : random.nextInt(1 << 20));
          state.setStorage(address, slot, value);
          Map<UInt256, UInt256> slots = new HashMap<>(current.slots());
          if (value.isZero()) {
            slots.remove(slot);
          } else {
            slots.put(slot, value);
          }
          model.put(
              address, new ModelAccount(current.nonce(), current.balance(), current.code(), slots));
        } else if (kind == 17) {
          Bytes code = Bytes.of(0x60, random.nextInt(256), 0x00);
          state.setCode(address, code);
          model.put(
              address, new ModelAccount(current.nonce(), current.balance(), code, current.slots()));
        } else if (kind == 18) {
          state.deleteAccount(address);
          model.remove(address);
        } else {
          state.createAccount(address);
          model.put(address, new ModelAccount(0, current.balance(), Bytes.EMPTY, new HashMap<>()));
        }
      }
      Hash root = state.computeRoot(block % 2 == 0 ? hashers : null);
      published.add(new Published(state.freeze(), root, deepCopy(model)));
      if (block % 10 == 9) {
        state.undoLastCommit();
        model = before;
      }
    }
  }

  private static void check(Published p, Random random) throws InvalidProofException {
    FrozenState view = p.view();
    assertThat(view.rootHash()).isEqualTo(p.root());
    for (int i = 1; i <= 60; i++) {
      Address address = Address.ofNumber(i);
      ModelAccount expected = p.model().get(address);
      Optional<Account> account = view.getAccount(address);
      if (expected == null) {
        assertThat(account).isEmpty();
        continue;
      }
      assertThat(account).isPresent();
      assertThat(account.get().nonce()).isEqualTo(expected.nonce());
      assertThat(account.get().balance()).isEqualTo(Wei.of(expected.balance()));
      assertThat(view.getCode(address)).isEqualTo(expected.code());
      for (int s = 0; s < 40; s++) {
        UInt256 slot = UInt256.valueOf(s);
        assertThat(view.getStorage(address, slot))
            .isEqualTo(expected.slots().getOrDefault(slot, UInt256.ZERO));
      }
    }
    Address probe = Address.ofNumber(1 + random.nextInt(60));
    StateProof proof = view.getProof(probe, List.of(UInt256.valueOf(random.nextInt(40))));
    assertThat(verifyAccount(p.root(), proof)).isEqualTo(view.getAccount(probe));
    StateProof.SlotProof slot = proof.storageProofs().get(0);
    assertThat(verifySlot(proof, slot)).isEqualTo(slot.value());
    assertThat(rebuiltRoot(view)).isEqualTo(p.root());
  }

  private static Map<Address, ModelAccount> deepCopy(Map<Address, ModelAccount> model) {
    Map<Address, ModelAccount> copy = new HashMap<>();
    model.forEach(
        (a, m) ->
            copy.put(a, new ModelAccount(m.nonce(), m.balance(), m.code(), Map.copyOf(m.slots()))));
    return copy;
  }

  // ---------------------------------------------------------------- helpers

  /** The root of a state built from scratch out of everything the view iterates. */
  static Hash rebuiltRoot(FrozenState view) {
    WorldStateBuilder builder = new WorldStateBuilder();
    try {
      var accounts = view.accounts();
      while (accounts.hasNext()) {
        FrozenState.AccountEntry e = accounts.next();
        builder.putAccount(e.address(), e.account());
        if (e.account().hasCode()) {
          builder.putCode(view.getCodeByHash(e.account().codeHash()).orElseThrow());
        }
        var slots = view.storage(e.address());
        while (slots.hasNext()) {
          FrozenState.SlotEntry s = slots.next();
          builder.putStorage(e.address(), s.slot(), s.value());
        }
      }
      return builder.build(null).rootHash();
    } catch (InvalidStateException e) {
      throw new AssertionError(e);
    }
  }

  private static Optional<Account> verifyAccount(Hash root, StateProof proof)
      throws InvalidProofException {
    return MerkleProof.verify(
            root, Keccak.hash(proof.address().bytes()).bytes(), proof.accountProof())
        .map(Account::decode);
  }

  private static UInt256 verifySlot(StateProof account, StateProof.SlotProof slot)
      throws InvalidProofException {
    return MerkleProof.verify(
            account.storageRoot(),
            Keccak.hash(Bytes.wrap(slot.slot().toBytes32())).bytes(),
            slot.proof())
        .map(WorldState::decodeSlotValue)
        .orElse(UInt256.ZERO);
  }
}
