package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;

/**
 * The world state against a plain model (maps, copied at each checkpoint): reads, reverts, the root
 * against tries built from scratch, and stateless replay from a witness.
 */
class WorldStatePropertiesTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  /** One step of a random block: {@code kind} picks the operation, the rest its arguments. */
  record Op(int kind, int account, int slot, int value) {}

  record ModelAccount(long nonce, long balance, Bytes code, Map<Integer, Integer> slots) {
    ModelAccount copy() {
      return new ModelAccount(nonce, balance, code, new HashMap<>(slots));
    }
  }

  @AfterContainer
  static void shutdown() {
    POOL.shutdown();
  }

  @Property(tries = 300)
  void shouldMatchModelAndScratchRootWhenRunningRandomOperations(
      @ForAll("blocks") List<Op> ops, @ForAll boolean parallel) {
    WorldState state = WorldState.create();
    Map<Integer, ModelAccount> model = new HashMap<>();
    run(state, model, ops, parallel);
    assertThat(state.computeRoot(parallel ? POOL : null)).isEqualTo(scratchRoot(model));
  }

  @Property(tries = 200)
  void shouldReplayBlockStatelesslyWhenGivenOnlyItsWitness(
      @ForAll("blocks") List<Op> genesis,
      @ForAll("blocks") List<Op> block,
      @ForAll boolean parallel) {
    WorldState full = WorldState.create();
    Map<Integer, ModelAccount> model = new HashMap<>();
    run(full, model, genesis, false);
    Hash pre = full.computeRoot();

    full.startRecording();
    List<Object> fullReads = run(full, new HashMap<>(copyOf(model)), block, false);
    Hash post = full.computeRoot(parallel ? POOL : null);
    StateWitness witness = full.stopRecording();

    WorldState stateless = WorldState.fromWitness(witness);
    List<Object> statelessReads = run(stateless, new HashMap<>(copyOf(model)), block, false);
    assertThat(witness.root()).isEqualTo(pre);
    assertThat(statelessReads).isEqualTo(fullReads);
    assertThat(stateless.computeRoot(parallel ? POOL : null)).isEqualTo(post);
  }

  @Property(tries = 200)
  void shouldRestoreRootAndReadsWhenBlockCommitIsUndone(
      @ForAll("blocks") List<Op> genesis,
      @ForAll("blocks") List<Op> block,
      @ForAll boolean parallel) {
    WorldState state = WorldState.create();
    Map<Integer, ModelAccount> model = new HashMap<>();
    run(state, model, genesis, false);
    Hash pre = state.computeRoot();

    run(
        state,
        new HashMap<>(copyOf(model)),
        block.stream().filter(op -> op.kind() != 10).toList(),
        false);
    state.computeRoot(parallel ? POOL : null);
    state.undoLastCommit();

    assertThat(state.rootHash()).isEqualTo(pre);
    // The model still holds the pre-block state: every read must agree with it again.
    run(state, model, block.stream().filter(op -> op.kind() != 10).toList(), false);
    assertThat(state.computeRoot()).isEqualTo(scratchRoot(model));
  }

  /** Runs the ops on both the state and the model, checking reads; returns what was read. */
  private static List<Object> run(
      WorldState state, Map<Integer, ModelAccount> model, List<Op> ops, boolean parallel) {
    Deque<Integer> checkpoints = new ArrayDeque<>();
    Deque<Map<Integer, ModelAccount>> snapshots = new ArrayDeque<>();
    List<Object> reads = new ArrayList<>();
    for (Op op : ops) {
      Address address = address(op.account());
      ModelAccount current = model.get(op.account());
      ModelAccount base =
          current != null ? current : new ModelAccount(0, 0, Bytes.EMPTY, new HashMap<>());
      switch (op.kind()) {
        case 0 -> {
          state.setBalance(address, Wei.of(op.value()));
          model.put(
              op.account(), new ModelAccount(base.nonce(), op.value(), base.code(), base.slots()));
        }
        case 1 -> {
          state.setNonce(address, op.value());
          model.put(
              op.account(),
              new ModelAccount(op.value(), base.balance(), base.code(), base.slots()));
        }
        case 2, 3, 4 -> {
          state.setStorage(address, UInt256.valueOf(op.slot()), UInt256.valueOf(op.value() % 3));
          Map<Integer, Integer> slots = new HashMap<>(base.slots());
          if (op.value() % 3 == 0) {
            slots.remove(op.slot());
          } else {
            slots.put(op.slot(), op.value() % 3);
          }
          model.put(
              op.account(), new ModelAccount(base.nonce(), base.balance(), base.code(), slots));
        }
        case 5 -> {
          Bytes code = Bytes.of(0x60, op.value() & 0xff);
          state.setCode(address, code);
          model.put(
              op.account(), new ModelAccount(base.nonce(), base.balance(), code, base.slots()));
        }
        case 6 -> {
          state.deleteAccount(address);
          model.remove(op.account());
        }
        case 7 -> {
          state.createAccount(address);
          model.put(
              op.account(), new ModelAccount(0, base.balance(), Bytes.EMPTY, new HashMap<>()));
        }
        case 8 -> {
          checkpoints.push(state.checkpoint());
          snapshots.push(copyOf(model));
        }
        case 10 -> {
          // A block boundary inside the run: the journal is cleared and storage gets committed.
          state.computeRoot(parallel ? POOL : null);
          checkpoints.clear();
          snapshots.clear();
        }
        case 9 -> {
          if (!checkpoints.isEmpty()) {
            state.revertTo(checkpoints.pop());
            model.clear();
            model.putAll(snapshots.pop());
          }
        }
        default -> {
          Object account = state.getAccount(address).map(a -> a.nonce() + "/" + a.balance());
          UInt256 value = state.getStorage(address, UInt256.valueOf(op.slot()));
          Bytes code = state.getCode(address);
          assertThat(account)
              .isEqualTo(
                  java.util.Optional.ofNullable(current)
                      .map(a -> a.nonce() + "/" + Wei.of(a.balance())));
          assertThat(value)
              .isEqualTo(
                  UInt256.valueOf(
                      current == null ? 0 : current.slots().getOrDefault(op.slot(), 0)));
          assertThat(code).isEqualTo(current == null ? Bytes.EMPTY : current.code());
          reads.add(List.of(account, value, code));
        }
      }
    }
    return reads;
  }

  private static Map<Integer, ModelAccount> copyOf(Map<Integer, ModelAccount> model) {
    Map<Integer, ModelAccount> copy = new HashMap<>();
    model.forEach((k, v) -> copy.put(k, v.copy()));
    return copy;
  }

  private static Hash scratchRoot(Map<Integer, ModelAccount> model) {
    SecureMerklePatriciaTrie accounts = SecureMerklePatriciaTrie.create();
    model.forEach(
        (index, account) -> {
          SecureMerklePatriciaTrie storage = SecureMerklePatriciaTrie.create();
          account
              .slots()
              .forEach(
                  (slot, value) ->
                      storage.put(
                          Bytes.wrap(UInt256.valueOf(slot).toBytes32()),
                          Rlp.encodeBytes(Bytes.wrap(UInt256.valueOf(value).toMinimalBytes()))));
          Account encoded =
              new Account(
                  account.nonce(),
                  Wei.of(account.balance()),
                  storage.rootHash(),
                  account.code().isEmpty() ? Keccak.EMPTY : Keccak.hash(account.code()));
          accounts.put(address(index).bytes(), encoded.encode());
        });
    Hash root = accounts.rootHash();
    return model.isEmpty() ? MerklePatriciaTrie.EMPTY_TRIE_ROOT : root;
  }

  private static Address address(int index) {
    return Address.ofNumber(0x1000 + index);
  }

  @Provide
  Arbitrary<List<Op>> blocks() {
    Arbitrary<Op> op =
        net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1000))
            .as(Op::new);
    return op.list().ofMaxSize(60);
  }
}
