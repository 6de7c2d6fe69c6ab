package org.megaeth.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.megaeth.chain.store.ChainGenerator.ALICE;
import static org.megaeth.chain.store.ChainGenerator.BOB;
import static org.megaeth.chain.store.ChainGenerator.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.storage.RocksDbNodeStore;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.state.WorldState;
import org.megaeth.trie.store.NodeBatch;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

class ChainStoreTest {
  @TempDir Path dir;
  private final GenesisBlock genesis = ChainGenerator.genesisBlock();
  private final List<ChainStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(ChainStore::close);
  }

  private ChainStore open(Path path) throws StorageException {
    ChainStore store = ChainStore.open(path, genesis.block(), ChainGenerator.CHAIN_ID, false);
    opened.add(store);
    return store;
  }

  @Test
  void shouldHoldTheGenesisAsBlockZeroAndHeadWhenCreated() throws Exception {
    ChainStore store = open(dir.resolve("db"));

    assertThat(store.head()).isEqualTo(genesis.hash());
    assertThat(store.genesisHash()).isEqualTo(genesis.hash());
    assertThat(store.chainId()).isEqualTo(ChainGenerator.CHAIN_ID);
    assertThat(store.block(0)).contains(genesis.block());
    assertThat(store.receipts(genesis.hash())).contains(List.of());
    assertThat(store.diff(genesis.hash())).isEmpty();
    assertThat(store.headHeader()).isEqualTo(genesis.header());
  }

  @Test
  void shouldReadBackEveryRecordOfAStoredBlock() throws Exception {
    ChainStore store = open(dir.resolve("db"));
    ChainGenerator chain = new ChainGenerator();
    List<BlockBuilder.Built> blocks =
        List.of(chain.next(0, 3, 1), chain.next(3, 0, 1), chain.next(3, 2, 5));
    for (BlockBuilder.Built built : blocks) {
      assertThat(write(store, built)).isTrue();
    }

    for (BlockBuilder.Built built : blocks) {
      Block block = built.block();
      Hash hash = block.hash();
      assertThat(store.header(hash)).contains(block.header());
      assertThat(store.header(block.number())).contains(block.header());
      assertThat(store.body(hash)).contains(block.body());
      assertThat(store.block(hash)).contains(block);
      assertThat(store.block(block.number())).contains(block);
      assertThat(store.number(hash)).contains(block.number());
      assertThat(store.canonicalHash(block.number())).contains(hash);
      assertThat(store.receipts(hash)).contains(built.receipts());
      assertThat(store.diff(hash)).contains(built.diff());
      assertThat(store.witness(hash)).isEqualTo(built.witness()).isPresent();
      List<Transaction> txs = block.body().transactions();
      for (int i = 0; i < txs.size(); i++) {
        assertThat(store.transactionLocation(txs.get(i).hash()))
            .contains(new TransactionLocation(hash, block.number(), i));
      }
    }
    assertThat(store.head()).isEqualTo(chain.head().hash());
    assertThat(store.header(4)).isEmpty();
    assertThat(store.header(Hash.ZERO)).isEmpty();
    assertThat(store.transactionLocation(Hash.ZERO)).isEmpty();
  }

  @Test
  void shouldStoreNoWitnessWhenNoneIsGiven() throws Exception {
    ChainStore store = open(dir.resolve("db"));
    BlockBuilder.Built built = new ChainGenerator().next(0, 1, 1);

    store.writeBlock(built.block(), built.receipts(), built.diff(), Optional.empty());

    assertThat(store.witness(built.block().hash())).isEmpty();
    assertThat(store.diff(built.block().hash())).contains(built.diff());
  }

  @Test
  void shouldKeepEverythingWhenClosedAndReopened() throws Exception {
    Path db = dir.resolve("db");
    ChainGenerator chain = new ChainGenerator();
    List<BlockBuilder.Built> blocks = List.of(chain.next(0, 2, 1), chain.next(2, 2, 1));
    try (ChainStore store = ChainStore.open(db, genesis.block(), ChainGenerator.CHAIN_ID, true)) {
      for (BlockBuilder.Built built : blocks) {
        write(store, built);
      }
    }

    ChainStore reopened = open(db);

    assertThat(reopened.head()).isEqualTo(chain.head().hash());
    for (BlockBuilder.Built built : blocks) {
      Hash hash = built.block().hash();
      assertThat(reopened.block(built.block().number())).contains(built.block());
      assertThat(reopened.receipts(hash)).contains(built.receipts());
      assertThat(reopened.diff(hash)).contains(built.diff());
      assertThat(reopened.witness(hash)).isEqualTo(built.witness());
      Transaction first = built.block().body().transactions().getFirst();
      assertThat(reopened.transactionLocation(first.hash()))
          .contains(new TransactionLocation(hash, built.block().number(), 0));
    }
  }

  @Test
  void shouldNotChangeTheHeadWhenABlockIsWrittenOnASideChain() throws Exception {
    ChainStore store = open(dir.resolve("db"));
    ChainGenerator main = new ChainGenerator();
    BlockBuilder.Built a1 = main.next(0, 1, 1);
    BlockBuilder.Built a2 = main.next(1, 1, 1);
    write(store, a1);
    write(store, a2);
    ChainGenerator side = new ChainGenerator(Bytes.of(0x5e));
    BlockBuilder.Built b1 = side.next(List.of(ChainGenerator.transfer(BOB, 0, ALICE.address(), 9)));

    assertThat(write(store, b1)).isFalse();

    assertThat(store.head()).isEqualTo(a2.block().hash());
    assertThat(store.canonicalHash(1)).contains(a1.block().hash());
    assertThat(store.block(b1.block().hash())).contains(b1.block());
    assertThat(store.receipts(b1.block().hash())).contains(b1.receipts());
    assertThat(store.transactionLocation(b1.block().body().transactions().getFirst().hash()))
        .isEmpty();
  }

  @Test
  void shouldRewriteTheCanonicalChainAndItsTransactionLookupsWhenTheHeadIsSet() throws Exception {
    ChainStore store = open(dir.resolve("db"));
    ChainGenerator main = new ChainGenerator();
    BlockBuilder.Built a1 = main.next(0, 1, 1);
    BlockBuilder.Built a2 = main.next(1, 1, 1);
    BlockBuilder.Built a3 = main.next(2, 1, 1);
    for (BlockBuilder.Built built : List.of(a1, a2, a3)) {
      write(store, built);
    }
    // The side chain's first block holds the same transaction as a1; its second a new one.
    ChainGenerator side = new ChainGenerator(Bytes.of(0x5e));
    BlockBuilder.Built b1 = side.next(0, 1, 1);
    BlockBuilder.Built b2 = side.next(1, 1, 77);
    write(store, b1);
    write(store, b2);
    Hash shared = a1.block().body().transactions().getFirst().hash();
    assertThat(b1.block().body().transactions().getFirst().hash()).isEqualTo(shared);

    store.setHead(b2.block().hash());

    assertThat(store.head()).isEqualTo(b2.block().hash());
    assertThat(store.canonicalHash(1)).contains(b1.block().hash());
    assertThat(store.canonicalHash(2)).contains(b2.block().hash());
    assertThat(store.canonicalHash(3)).isEmpty();
    assertThat(store.transactionLocation(shared))
        .contains(new TransactionLocation(b1.block().hash(), 1, 0));
    assertThat(store.transactionLocation(txHash(b2))).contains(location(b2));
    assertThat(store.transactionLocation(txHash(a2))).isEmpty();
    assertThat(store.transactionLocation(txHash(a3))).isEmpty();
    // The old chain is still stored, only no longer canonical.
    assertThat(store.block(a3.block().hash())).contains(a3.block());

    // A block on the new head extends it.
    assertThat(write(store, side.next(2, 1, 1))).isTrue();

    // Back to the longer chain; the result survives a reopen.
    store.setHead(a3.block().hash());
    store.close();
    ChainStore reopened = open(dir.resolve("db"));
    assertThat(reopened.head()).isEqualTo(a3.block().hash());
    for (BlockBuilder.Built built : List.of(a1, a2, a3)) {
      assertThat(reopened.canonicalHash(built.block().number())).contains(built.block().hash());
      assertThat(reopened.transactionLocation(txHash(built))).contains(location(built));
    }
    assertThat(reopened.transactionLocation(txHash(b2))).isEmpty();

    // A rewind to an ancestor unmaps what is above it.
    reopened.setHead(a1.block().hash());
    assertThat(reopened.canonicalHash(2)).isEmpty();
    assertThat(reopened.canonicalHash(3)).isEmpty();
    assertThat(reopened.transactionLocation(txHash(a3))).isEmpty();
    assertThat(reopened.transactionLocation(shared)).contains(location(a1));
  }

  @Test
  void shouldRefuseToSetAHeadThatIsNotStored() throws Exception {
    ChainStore store = open(dir.resolve("db"));

    assertThatThrownBy(() -> store.setHead(Hash.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not stored");
  }

  @Test
  void shouldRefuseABlockWhoseParentIsNotStored() throws Exception {
    ChainStore store = open(dir.resolve("db"));
    ChainGenerator chain = new ChainGenerator();
    chain.next(0, 1, 1);
    BlockBuilder.Built orphan = chain.next(1, 1, 1);

    assertThatThrownBy(() -> write(store, orphan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not stored");
    assertThat(store.header(orphan.block().hash())).isEmpty();
  }

  @Test
  void shouldRefuseToReopenWithAnotherGenesisOrChainId() throws Exception {
    Path db = dir.resolve("db");
    open(db).close();
    Block otherGenesis = GenesisBlock.of(ChainGenerator.genesis(4242)).block();

    assertThatThrownBy(() -> ChainStore.open(db, otherGenesis, 4242, false))
        .isInstanceOf(StorageException.class)
        .hasMessage(
            ("the chain database in %s belongs to another chain: it was created for chain id 1337"
                    + " with genesis %s, but this genesis is chain id 4242 with genesis %s; use"
                    + " another data dir or the genesis it was created with")
                .formatted(db, genesis.hash(), otherGenesis.hash()));
    assertThatThrownBy(() -> ChainStore.open(db, genesis.block(), 1, false))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("belongs to another chain")
        .hasMessageContaining("this genesis is chain id 1 with genesis " + genesis.hash());
    // The refusals changed nothing.
    assertThat(open(db).head()).isEqualTo(genesis.hash());
  }

  @Test
  void shouldRefuseToWriteAChainIntoAnotherKindOfDatabase() throws Exception {
    Path trieDb = dir.resolve("trie");
    try (RocksDbNodeStore trie = RocksDbNodeStore.open(trieDb, false)) {
      trie.apply(new NodeBatch(Map.of(Bytes.EMPTY, Bytes.of(1)), Set.of()));
    }

    assertThatThrownBy(() -> open(trieDb))
        .isInstanceOf(StorageException.class)
        .hasMessage(trieDb + " is not a chain database: it holds data but no chain metadata");
  }

  @Test
  void shouldSayAnotherProcessMayHoldTheDatabaseWhenItIsLocked() throws Exception {
    Path db = dir.resolve("db");
    open(db);

    assertThatThrownBy(() -> open(db))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot open the chain database in " + db)
        .hasMessageContaining("is another megaeth-node using it?");
  }

  @Test
  void shouldNameTheDirectoryWhenTheDatabaseCannotBeCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> open(file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot open the chain database in " + file);
  }

  @Test
  void shouldReportCorruptRecordsInsteadOfReturningAWrongValue() throws Exception {
    Path db = dir.resolve("db");
    ChainGenerator chain = new ChainGenerator();
    BlockBuilder.Built b1 = chain.next(0, 1, 1);
    BlockBuilder.Built b2 = chain.next(1, 1, 1);
    try (ChainStore store = open(db)) {
      write(store, b1);
      write(store, b2);
    }
    Hash h1 = b1.block().hash();
    Hash h2 = b2.block().hash();
    // A valid header under the wrong key, and garbage in place of other records.
    overwrite(db, ChainStore.Column.HEADERS, h1.toArray(), b2.block().header().encode());
    overwrite(db, ChainStore.Column.BODIES, h2.toArray(), Bytes.fromHexString("0xc3010203"));
    overwrite(db, ChainStore.Column.RECEIPTS, h2.toArray(), Bytes.fromHexString("0xdead"));
    overwrite(db, ChainStore.Column.DIFFS, h2.toArray(), Bytes.fromHexString("0x28b52ffd00"));
    overwrite(db, ChainStore.Column.WITNESSES, h2.toArray(), Bytes.fromHexString("0x07"));
    overwrite(db, ChainStore.Column.CANONICAL, ChainStore.longBytes(2), Bytes.of(1, 2));
    Hash tx = txHash(b2);
    overwrite(db, ChainStore.Column.TX_LOOKUP, tx.toArray(), Bytes.of(9));

    ChainStore store = open(db);

    assertCorrupt(() -> store.header(h1), "the header of block " + h1, "its bytes hash to " + h2);
    assertCorrupt(() -> store.block(1), "the header of block " + h1, "hash");
    assertCorrupt(() -> store.body(h2), "the body " + h2, "");
    assertCorrupt(() -> store.receipts(h2), "the receipts " + h2, "");
    assertCorrupt(() -> store.diff(h2), "the state diff of block " + h2, "");
    assertCorrupt(() -> store.witness(h2), "the witness " + h2, "unsupported witness version 7");
    assertCorrupt(() -> store.header(2), "the canonical hash of block 2", "2 bytes, not 32");
    assertCorrupt(() -> store.transactionLocation(tx), "the lookup of transaction " + tx, "");
    assertThat(store.header(h2)).contains(b2.block().header());
  }

  @Test
  void shouldServeAncestorHeadersToTheExecutor() throws Exception {
    ChainStore store = open(dir.resolve("db"));
    ChainGenerator chain = new ChainGenerator();
    BlockBuilder.Built b1 = chain.next(0, 1, 1);
    write(store, b1);
    BlockBuilder.Built b2 = chain.next(1, 1, 1);
    WorldState state = GenesisBlock.of(ChainGenerator.genesis(ChainGenerator.CHAIN_ID)).state();
    BlockExecutor executor =
        new BlockExecutor(ChainGenerator.genesis(ChainGenerator.CHAIN_ID).config(), null);
    BlockHeader parent = store.header(b1.block().header().parentHash()).orElseThrow();

    BlockResult first = executor.execute(state, parent, b1.block(), store, false);
    BlockResult second = executor.execute(state, store.headHeader(), b2.block(), store, false);

    assertThat(first).isInstanceOf(BlockResult.Valid.class);
    assertThat(second).isInstanceOf(BlockResult.Valid.class);
    assertThat(store.writeBlock((BlockResult.Valid) second)).isTrue();
    assertThat(store.head()).isEqualTo(b2.block().hash());
  }

  private static void assertCorrupt(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String what, String detail) {
    assertThatThrownBy(read)
        .isInstanceOf(StorageException.Unchecked.class)
        .hasMessageStartingWith("corrupt chain database in ")
        .hasMessageContaining(": " + what + ": ")
        .hasMessageContaining(detail);
  }

  private static Hash txHash(BlockBuilder.Built built) {
    return built.block().body().transactions().getFirst().hash();
  }

  private static TransactionLocation location(BlockBuilder.Built built) {
    return new TransactionLocation(built.block().hash(), built.block().number(), 0);
  }

  /** Writes raw bytes into the closed database, as a disk fault or a bug would. */
  private static void overwrite(Path db, ChainStore.Column column, byte[] key, Bytes value)
      throws Exception {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (ChainStore.Column c : ChainStore.Column.values()) {
      descriptors.add(new ColumnFamilyDescriptor(c.familyName.getBytes()));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (RocksDB raw = RocksDB.open(db.toString(), descriptors, handles)) {
      raw.put(handles.get(column.ordinal()), key, value.toArray());
      handles.forEach(ColumnFamilyHandle::close);
    }
  }
}
