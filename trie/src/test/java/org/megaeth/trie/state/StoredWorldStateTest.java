package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.store.InMemoryNodeStore;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.NodeStore;
import org.megaeth.trie.store.StateBatch;
import org.megaeth.trie.store.StateStore;

/** {@link WorldState#load} over a store, {@link WorldState#commitNodes} and trimming. */
class StoredWorldStateTest {
  private static final Address ALICE = Address.ofNumber(0xa11ce);
  private static final Address BOB = Address.ofNumber(0xb0b);
  private static final Bytes CODE = Bytes.of(0x60, 0x01, 0x60, 0x00, 0x55);

  @ParameterizedTest(name = "cache budget {0}")
  @ValueSource(ints = {0, 1_000})
  void shouldReadAndUpdateLikeTheInMemoryStateWhenLoadedFromTheStore(int budget) {
    WorldState memory = WorldState.create();
    populate(memory);
    MapStateStore store = new MapStateStore();
    store.apply(memory.commitNodes());

    WorldState stored = WorldState.load(memory.rootHash(), store, budget);
    assertThat(stored.getAccount(ALICE)).isEqualTo(memory.getAccount(ALICE));
    assertThat(stored.getStorage(ALICE, UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(30));
    assertThat(stored.getCode(ALICE)).isEqualTo(CODE);

    for (int block = 0; block < 5; block++) {
      for (WorldState state : new WorldState[] {memory, stored}) {
        state.setStorage(ALICE, UInt256.valueOf(block), UInt256.valueOf(100 + block));
        state.setBalance(BOB, Wei.of(block));
        state.computeRoot();
      }
      assertThat(stored.rootHash()).isEqualTo(memory.rootHash());
      store.apply(stored.commitNodes());
      stored.trimToStore();
    }
    WorldState reloaded = WorldState.load(stored.rootHash(), store);
    for (int slot = 0; slot < 10; slot++) {
      UInt256 key = UInt256.valueOf(slot);
      assertThat(reloaded.getStorage(ALICE, key)).isEqualTo(memory.getStorage(ALICE, key));
    }
    assertThat(reloaded.getAccount(BOB)).isEqualTo(memory.getAccount(BOB));
  }

  @Test
  void shouldClearADeletedAccountsStorageNamespaceOnlyOnce() {
    WorldState memory = WorldState.create();
    populate(memory);
    MapStateStore store = new MapStateStore();
    store.apply(memory.commitNodes());
    WorldState stored = WorldState.load(memory.rootHash(), store);

    stored.deleteAccount(ALICE);
    stored.computeRoot();
    StateBatch batch = stored.commitNodes();
    store.apply(batch);

    assertThat(batch.clearedStorage()).containsExactly(Keccak.hash(ALICE.bytes()));
    assertThat(store.storage).doesNotContainKey(Keccak.hash(ALICE.bytes()));
    stored.setBalance(BOB, Wei.of(9));
    stored.computeRoot();
    assertThat(stored.commitNodes().clearedStorage()).isEmpty();
  }

  @Test
  void shouldForgetAClearedNamespaceWhenTheCommitIsUndone() {
    WorldState memory = WorldState.create();
    populate(memory);
    MapStateStore store = new MapStateStore();
    store.apply(memory.commitNodes());
    WorldState stored = WorldState.load(memory.rootHash(), store);

    stored.deleteAccount(ALICE);
    stored.computeRoot();
    stored.undoLastCommit(); // a block found invalid after its root was computed
    StateBatch batch = stored.commitNodes();

    assertThat(batch.clearedStorage()).isEmpty();
    assertThat(batch.nodeWrites()).isZero();
    assertThat(stored.getStorage(ALICE, UInt256.valueOf(3))).isEqualTo(UInt256.valueOf(30));
  }

  @Test
  void shouldWriteEveryNodeAndCodeOfAFullStateAtItsFirstCommitAndOnlyChangesLater() {
    WorldState memory = WorldState.create();
    populate(memory);

    StateBatch first = memory.commitNodes();
    memory.setBalance(BOB, Wei.of(77));
    memory.computeRoot();
    StateBatch second = memory.commitNodes();

    assertThat(first.codes()).containsEntry(Keccak.hash(CODE), CODE);
    assertThat(first.storageTries()).containsKey(Keccak.hash(ALICE.bytes()));
    assertThat(second.codes()).isEmpty();
    assertThat(second.storageTries()).isEmpty();
    assertThat(second.accountTrie().puts()).isNotEmpty();
  }

  @Test
  void shouldRefuseToTrimOrCommitWithPendingChangesAndToFreezeAStoredState() {
    WorldState memory = WorldState.create();
    populate(memory);
    MapStateStore store = new MapStateStore();
    store.apply(memory.commitNodes());
    WorldState stored = WorldState.load(memory.rootHash(), store);

    assertThatThrownBy(stored::freeze)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot freeze a stored state (it is not all in memory)");
    stored.setBalance(BOB, Wei.of(1));
    assertThatThrownBy(stored::commitNodes).isInstanceOf(IllegalStateException.class);
    stored.computeRoot();
    assertThatThrownBy(stored::trimToStore)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not committed to store");
  }

  private static void populate(WorldState state) {
    state.setBalance(ALICE, Wei.of(1000));
    state.setCode(ALICE, CODE);
    for (int slot = 0; slot < 10; slot++) {
      state.setStorage(ALICE, UInt256.valueOf(slot), UInt256.valueOf(slot * 10L));
    }
    state.setBalance(BOB, Wei.of(5));
    state.computeRoot();
  }

  /** A state store in maps, applying a batch the way the chain database does. */
  private static final class MapStateStore implements StateStore {
    final InMemoryNodeStore accounts = new InMemoryNodeStore();
    final Map<Hash, InMemoryNodeStore> storage = new HashMap<>();
    final Map<Hash, Bytes> codes = new HashMap<>();

    void apply(StateBatch batch) {
      accounts.apply(batch.accountTrie());
      batch.clearedStorage().forEach(storage::remove);
      batch
          .storageTries()
          .forEach(
              (hash, nodes) ->
                  storage.computeIfAbsent(hash, h -> new InMemoryNodeStore()).apply(nodes));
      codes.putAll(batch.codes());
    }

    @Override
    public NodeStore accountTrie() {
      return accounts;
    }

    @Override
    public NodeStore storageTrie(Hash accountHash) {
      InMemoryNodeStore nodes = storage.get(accountHash);
      return nodes != null ? nodes : EMPTY;
    }

    @Override
    public Optional<Bytes> code(Hash codeHash) {
      return Optional.ofNullable(codes.get(codeHash));
    }

    private static final NodeStore EMPTY =
        new NodeStore() {
          @Override
          public Optional<Bytes> get(Bytes path) {
            return Optional.empty();
          }

          @Override
          public void apply(NodeBatch batch) {
            throw new UnsupportedOperationException("written through StateBatch");
          }
        };
  }
}
