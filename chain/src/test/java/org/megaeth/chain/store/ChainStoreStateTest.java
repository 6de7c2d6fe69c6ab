package org.megaeth.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.megaeth.chain.store.DiffChain.account;
import static org.megaeth.chain.store.DiffChain.address;
import static org.megaeth.chain.store.DiffChain.diff;
import static org.megaeth.chain.store.DiffChain.info;
import static org.megaeth.chain.store.DiffChain.infoWithCode;
import static org.megaeth.chain.store.DiffChain.slot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.core.diff.AccountDiff;
import org.megaeth.core.diff.DiffKeyIndex;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.SlotChange;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.trie.state.WorldState;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.StateBatch;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/** The head's state stored in the chain database: {@link ChainStore#openState} and friends. */
class ChainStoreStateTest {
  private static final int ACCOUNTS = 40;
  private static final int SLOT_KEYS = 30;

  @TempDir Path dir;

  @Test
  void shouldReadTheSameRootAccountsSlotsAndCodesWhenClosedAndOpenedAgain() throws Exception {
    Bytes code = Bytes.fromHexString("0x6001600055");
    List<StateDiff> diffs =
        List.of(
            diff(
                account(address(1), infoWithCode(1, code), slot(1, 11), slot(2, 22), slot(3, 33)),
                account(address(2), info(5, 1_000)),
                account(address(3), info(1, 7), slot(9, 99))),
            diff(
                account(address(1), infoWithCode(1, code), slot(2, 0), slot(4, 44)),
                account(address(3), info(2, 8), slot(9, 100))));
    WorldState reference = genesisState();
    try (ChainStore store = openWithGenesisState()) {
      WorldState stored = opened(store, WorldState.DEFAULT_CACHE_BUDGET).state();
      for (StateDiff diff : diffs) {
        store.writeBlock(DiffChain.apply(store.headHeader(), stored, diff), stored);
        DiffChain.apply(store.headHeader(), reference, diff);
      }
    }

    try (ChainStore store = open()) {
      StoredState.Opened opened = opened(store, WorldState.DEFAULT_CACHE_BUDGET);
      assertThat(opened.block().hash()).isEqualTo(store.head());
      WorldState state = opened.state();
      assertThat(state.rootHash())
          .isEqualTo(reference.rootHash())
          .isEqualTo(store.headHeader().stateRoot());
      assertSameReads(state, reference, 4, 10);
      assertThat(state.getCode(address(1))).isEqualTo(code);
      assertThat(state.getStorage(address(1), UInt256.valueOf(4))).isEqualTo(UInt256.valueOf(44));
      assertThat(state.getStorage(address(1), UInt256.valueOf(2))).isEqualTo(UInt256.ZERO);
    }
  }

  @ParameterizedTest(name = "seed {0}, cache budget {1}")
  @CsvSource({"1, 0", "2, 16", "3, 200000"})
  void shouldGiveTheInMemoryRootAfterEveryRandomBlockAndAfterReopening(long seed, int budget)
      throws Exception {
    Random random = new Random(seed);
    WorldState reference = genesisState();
    List<StateDiff> diffs = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      try (ChainStore store = openWithGenesisState()) {
        WorldState stored = opened(store, budget).state();
        assertThat(stored.rootHash()).isEqualTo(reference.rootHash());
        for (int block = 0; block < 25; block++) {
          StateDiff diff = DiffChain.random(random, reference, ACCOUNTS, SLOT_KEYS, 8);
          diffs.add(diff);
          BlockResult.Valid valid = DiffChain.apply(store.headHeader(), stored, diff);
          DiffChain.apply(store.headHeader(), reference, diff);
          assertThat(stored.rootHash())
              .as("root after block %d", store.headHeader().number() + 1)
              .isEqualTo(reference.rootHash());
          store.writeBlock(valid, stored);
        }
      }
    }
    try (ChainStore store = open()) {
      WorldState reopened = opened(store, budget).state();
      assertThat(reopened.rootHash()).isEqualTo(reference.rootHash());
      assertSameReads(reopened, reference, ACCOUNTS, SLOT_KEYS);
      assertHoldsExactlyTheNodesOfAFreshWrite(store, diffs);
    }
  }

  @Test
  void shouldKeepTheNodeCountBoundedWhenBlocksRewriteTheSameKeys() throws Exception {
    Random random = new Random(7);
    List<StateDiff> diffs = new ArrayList<>();
    try (ChainStore store = openWithGenesisState()) {
      WorldState stored = opened(store, WorldState.DEFAULT_CACHE_BUDGET).state();
      long afterTen = 0;
      for (int block = 1; block <= 200; block++) {
        List<AccountDiff> accounts = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
          List<SlotChange> slots = new ArrayList<>();
          for (int s = 0; s < 4; s++) {
            slots.add(slot(s, 1 + random.nextInt(1 << 30)));
          }
          accounts.add(
              new AccountDiff(
                  address(a),
                  false,
                  false,
                  Optional.of(info(block, random.nextInt(1 << 30))),
                  slots));
        }
        StateDiff diff = diff(accounts.toArray(AccountDiff[]::new));
        diffs.add(diff);
        store.writeBlock(DiffChain.apply(store.headHeader(), stored, diff), stored);
        if (block == 10) {
          afterTen = trieNodes(store);
        }
      }
      // 200 blocks rewrote 5 accounts and 20 slots: the same keys, so the same positions.
      assertThat(trieNodes(store)).isEqualTo(afterTen);
      assertHoldsExactlyTheNodesOfAFreshWrite(store, diffs);
    }
  }

  @Test
  void shouldRemoveTheStorageOfADeletedOrRecreatedAccountFromTheDatabase() throws Exception {
    SlotChange[] many = new SlotChange[50];
    for (int i = 0; i < many.length; i++) {
      many[i] = slot(i, i + 1);
    }
    try (ChainStore store = openWithGenesisState()) {
      WorldState stored = opened(store, WorldState.DEFAULT_CACHE_BUDGET).state();
      store.writeBlock(
          DiffChain.apply(
              store.headHeader(),
              stored,
              diff(
                  account(address(1), info(1, 1), many),
                  account(address(2), info(1, 1), slot(1, 1), slot(2, 2), slot(3, 3)))),
          stored);
      long both = store.countEntries(ChainStore.Column.STORAGE_TRIE);

      store.writeBlock(
          DiffChain.apply(store.headHeader(), stored, diff(AccountDiff.deletion(address(2)))),
          stored);
      long withoutTwo = store.countEntries(ChainStore.Column.STORAGE_TRIE);

      store.writeBlock(
          DiffChain.apply(store.headHeader(), stored, diff(AccountDiff.deletion(address(1)))),
          stored);
      assertThat(store.countEntries(ChainStore.Column.STORAGE_TRIE)).isZero();

      // Created afresh over old storage: only the new single-slot trie remains (one root leaf).
      store.writeBlock(
          DiffChain.apply(store.headHeader(), stored, diff(account(address(3), info(1, 1), many))),
          stored);
      store.writeBlock(
          DiffChain.apply(
              store.headHeader(),
              stored,
              diff(
                  new AccountDiff(
                      address(3), false, true, Optional.of(info(1, 1)), List.of(slot(77, 7))))),
          stored);

      assertThat(both).isGreaterThan(withoutTwo);
      assertThat(withoutTwo).isGreaterThan(1);
      assertThat(store.countEntries(ChainStore.Column.STORAGE_TRIE)).isEqualTo(1);
      assertThat(stored.getStorage(address(3), UInt256.valueOf(77))).isEqualTo(UInt256.valueOf(7));
      assertThat(stored.getStorage(address(3), UInt256.valueOf(5))).isEqualTo(UInt256.ZERO);
    }
  }

  @Test
  void shouldExecuteBlocksOnTheStoredStateWithTheSameDiffAndWitnessAsInMemory() throws Exception {
    ChainGenerator chain = new ChainGenerator();
    BlockExecutor executor =
        new BlockExecutor(ChainGenerator.genesis(ChainGenerator.CHAIN_ID).config(), null);
    try (ChainStore store = openWithGenesisState()) {
      WorldState stored = opened(store, 0).state(); // budget 0: every block reads from disk
      for (int block = 0; block < 3; block++) {
        BlockBuilder.Built built = chain.next(block * 3L, 3, 1);

        BlockResult result =
            executor.execute(stored, store.headHeader(), built.block(), store, true);

        assertThat(result).isInstanceOf(BlockResult.Valid.class);
        BlockResult.Valid valid = (BlockResult.Valid) result;
        assertThat(valid.diff()).isEqualTo(built.diff());
        assertThat(valid.witness()).isEqualTo(built.witness());
        store.writeBlock(valid, stored);
      }
      assertThat(opened(store, 0).state().rootHash()).isEqualTo(chain.head().stateRoot());
    }
  }

  @Test
  void shouldSayThereIsNoStateInADatabaseThatNeverStoredOne() throws Exception {
    try (ChainStore store = open()) {
      assertThat(store.openState())
          .isEqualTo(new StoredState.Unavailable("the database holds no state"));
      assertThat(store.stateBlock()).isEmpty();
    }
  }

  @Test
  void shouldRefuseToStoreAStateThatIsNotTheStoredStateAtTheHead() throws Exception {
    try (ChainStore store = openWithGenesisState()) {
      WorldState inMemory = genesisState();
      BlockResult.Valid valid =
          DiffChain.apply(store.headHeader(), inMemory, diff(account(address(1), info(1, 1))));

      assertThatThrownBy(() -> store.writeBlock(valid, inMemory))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not this database's stored state at the head");
      assertThat(store.head()).isEqualTo(store.genesisHash());
    }
  }

  @Test
  void shouldDecodeVersion2DiffsOfLaterBlocksAfterReopening() throws Exception {
    Random random = new Random(11);
    DiffKeyIndex producer = new DiffKeyIndex();
    WorldState reference = genesisState();
    try (ChainStore store = openWithGenesisState()) {
      WorldState stored = opened(store, WorldState.DEFAULT_CACHE_BUDGET).state();
      for (int block = 0; block < 10; block++) {
        StateDiff diff = DiffChain.random(random, reference, ACCOUNTS, SLOT_KEYS, 6);
        DiffKeyIndex.Overlay keys = producer.overlay();
        byte[] v2 = StateDiffCodec.encode(diff, keys);
        assertThat(store.decodeDiff(v2)).isEqualTo(diff);
        keys.commit();
        DiffChain.apply(store.headHeader(), reference, diff);
        store.writeBlock(DiffChain.apply(store.headHeader(), stored, diff), stored);
      }
    }
    StateDiff next = DiffChain.random(random, reference, ACCOUNTS, SLOT_KEYS, 6);
    byte[] v2 = StateDiffCodec.encode(next, producer.overlay());
    // Without the earlier blocks' dictionary the references cannot be resolved.
    assertThatThrownBy(() -> StateDiffCodec.decode(v2, new DiffKeyIndex().overlay()))
        .isInstanceOf(InvalidStateDiffException.class);

    try (ChainStore store = open()) {
      assertThat(store.decodeDiff(v2)).isEqualTo(next);
    }
  }

  @Test
  void shouldRebuildTheDictionaryWhenUpgradingAVersion1Database() throws Exception {
    Random random = new Random(13);
    DiffKeyIndex producer = new DiffKeyIndex();
    WorldState reference = genesisState();
    try (ChainStore store = open()) {
      for (int block = 0; block < 5; block++) {
        StateDiff diff = DiffChain.random(random, reference, ACCOUNTS, SLOT_KEYS, 6);
        DiffKeyIndex.Overlay keys = producer.overlay();
        StateDiffCodec.encode(diff, keys);
        keys.commit();
        store.writeBlock(DiffChain.apply(store.headHeader(), reference, diff));
      }
    }
    downgradeToVersion1(dir.resolve("db"));
    StateDiff next = DiffChain.random(random, reference, ACCOUNTS, SLOT_KEYS, 6);
    byte[] v2 = StateDiffCodec.encode(next, producer.overlay());

    try (ChainStore store = open()) {
      assertThat(store.decodeDiff(v2)).isEqualTo(next);
      assertThat(store.openState())
          .isEqualTo(new StoredState.Unavailable("the database holds no state"));
    }
    try (ChainStore store = open()) { // upgraded once: version 2 now
      assertThat(store.decodeDiff(v2)).isEqualTo(next);
    }
  }

  /** What a version-1 node left: schema version 1, no dictionary (and no state). */
  private static void downgradeToVersion1(Path db) throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (ChainStore.Column column : ChainStore.Column.values()) {
      descriptors.add(
          new ColumnFamilyDescriptor(column.familyName.getBytes(StandardCharsets.US_ASCII)));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions();
        RocksDB rocks = RocksDB.open(options, db.toString(), descriptors, handles)) {
      rocks.put(
          handles.get(ChainStore.Column.META.ordinal()), ChainStore.KEY_SCHEMA, new byte[] {1});
      rocks.deleteRange(
          handles.get(ChainStore.Column.DIFF_KEYS.ordinal()), new byte[0], new byte[] {2});
      handles.forEach(ColumnFamilyHandle::close);
    }
  }

  // ---------------------------------------------------------------- helpers

  private ChainStore open() throws StorageException {
    return ChainStore.open(
        dir.resolve("db"), ChainGenerator.genesisBlock().block(), ChainGenerator.CHAIN_ID, false);
  }

  private ChainStore openWithGenesisState() throws StorageException {
    ChainStore store = open();
    if (store.stateBlock().isEmpty()) {
      store.writeState(store.genesisHash(), genesisState());
    }
    return store;
  }

  static WorldState genesisState() {
    return ChainGenerator.genesisBlock().state();
  }

  static StoredState.Opened opened(ChainStore store, int budget) {
    StoredState state = store.openState(budget);
    assertThat(state).isInstanceOf(StoredState.Opened.class);
    return (StoredState.Opened) state;
  }

  static long trieNodes(ChainStore store) {
    return store.countEntries(ChainStore.Column.ACCOUNT_TRIE)
        + store.countEntries(ChainStore.Column.STORAGE_TRIE);
  }

  static void assertSameReads(WorldState actual, WorldState expected, int accounts, int slots) {
    for (int a = 0; a < accounts; a++) {
      Address address = address(a);
      assertThat(actual.getAccount(address))
          .as("account %s", address)
          .isEqualTo(expected.getAccount(address));
      assertThat(actual.getCode(address)).isEqualTo(expected.getCode(address));
      for (int s = 0; s < slots; s++) {
        UInt256 key = UInt256.valueOf(s);
        assertThat(actual.getStorage(address, key))
            .as("slot %s of %s", key, address)
            .isEqualTo(expected.getStorage(address, key));
      }
    }
  }

  /**
   * The database holds exactly as many trie nodes as writing the same state from scratch does: no
   * stale node survived the incremental writes.
   */
  static void assertHoldsExactlyTheNodesOfAFreshWrite(ChainStore store, List<StateDiff> diffs) {
    WorldState fresh = genesisState();
    for (StateDiff diff : diffs) {
      DiffChain.apply(store.headHeader(), fresh, diff);
    }
    StateBatch all = fresh.commitNodes();
    long nodes = all.accountTrie().puts().size();
    for (NodeBatch storage : all.storageTries().values()) {
      nodes += storage.puts().size();
    }
    assertThat(trieNodes(store)).isEqualTo(nodes);
  }
}
