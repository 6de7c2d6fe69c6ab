package org.megaeth.chain.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockEncodings;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.exec.HeaderLookup;
import org.megaeth.chain.storage.RocksDbLibrary;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.DiffKeyIndex;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.state.WorldState;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.NodeStore;
import org.megaeth.trie.store.StateBatch;
import org.megaeth.trie.store.StateStore;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The chain in RocksDB: blocks with their receipts, state diffs and witnesses, the canonical chain
 * and its head. One database per data directory, created for one chain (chain id and genesis hash
 * are recorded on creation and checked on every open, so a data dir cannot be reused with another
 * genesis).
 *
 * <p>One column family per kind of record rather than key prefixes in one keyspace: each kind gets
 * its own LSM tree, so the small, hot headers and canonical numbers are not compacted together with
 * large, cold bodies and witnesses; each can be tuned on its own (diffs are stored without RocksDB
 * compression because they are zstd already); and a whole kind can later be pruned by dropping its
 * family (old witnesses). A {@link WriteBatch} spans column families and is still atomic, since
 * they share one write-ahead log.
 *
 * <p>Atomicity: every write method is one write batch: a block with everything it carries (header,
 * body, receipts, diff, witness, and when it extends the head the canonical number, the transaction
 * lookups and the new head), or a head change with the rewritten canonical mapping. A crash leaves
 * the store at the previous batch or the next, never between. By default each batch is synced
 * (fsync of the write-ahead log), so a power loss keeps every acknowledged block too.
 *
 * <p>Reads never return a wrong value: a record that does not decode, or a header whose bytes do
 * not hash to its key, is a {@link StorageException.Unchecked} naming the record. (RocksDB's block
 * checksums catch bit rot below that.) Reads are unchecked because {@link HeaderLookup} and the
 * other read interfaces cannot declare a checked exception; a read failure is a broken database,
 * not something a caller handles per call.
 *
 * <p>Thread-safe: reads run concurrently; writes are serialized on this object, so the "does it
 * extend the head" decision and the write that follows it cannot interleave with another writer.
 * Close it only once no thread reads any more (RocksDB handles must not be used after close).
 *
 * <p>State: for the roles that persist it, the post-state of one block (normally the head) lives
 * here too, as the {@link StateStore} a {@link WorldState#load stored world state} reads: the
 * account trie's nodes and every account's storage-trie nodes keyed by path (storage under the
 * account hash as namespace), and codes by hash. A block written with its state ({@link
 * #writeBlock(BlockResult.Valid, WorldState)}) carries the state's node writes and the new state
 * marker in its own batch, so the head and the state move together and a crash leaves both at the
 * earlier block. Path keys mean one version per position: rewriting a key overwrites its nodes, a
 * position that no longer holds a node is deleted, and a deleted account's storage goes with one
 * range delete, so the state's size follows the state, not its history. Codes are kept forever, as
 * geth does: they are shared by hash between contracts, so dropping one would need a reference
 * count updated on every deployment and deletion, and since EIP-6780 a contract's code can only go
 * in the transaction that created it, so little is ever dropped.
 *
 * <p>The version-2 state-diff dictionary ({@link DiffKeyIndex}) grows with the canonical chain:
 * each block that extends the head adds its diff's new keys in the same batch, and open restores
 * it, so version-2 diffs of later blocks decode after a restart ({@link #decodeDiff}).
 */
public final class ChainStore implements HeaderLookup, StateStore, AutoCloseable {
  static {
    RocksDbLibrary.load();
  }

  /**
   * Bumped when a record's layout changes; a database of another version is refused, except version
   * 1 (no state, no diff dictionary), which open upgrades. 2: the state and the dictionary.
   */
  static final int SCHEMA_VERSION = 2;

  /** The column families. META is RocksDB's default family, which every database has. */
  enum Column {
    META("default"),
    /** block hash → header RLP */
    HEADERS("headers"),
    /** block hash → rlp([transactions, ommers, withdrawals?]) */
    BODIES("bodies"),
    /** block hash → number, 8 bytes big-endian */
    NUMBERS("numbers"),
    /** number, 8 bytes big-endian (so numbers sort) → canonical block hash */
    CANONICAL("canonical"),
    /** block hash → rlp([receipt...]), each receipt as on the wire (typed ones as strings) */
    RECEIPTS("receipts"),
    /** transaction hash → block hash (32) ‖ number (8) ‖ index (4); canonical chain only */
    TX_LOOKUP("tx-lookup"),
    /** block hash → the zstd-compressed {@link StateDiffCodec} encoding */
    DIFFS("diffs"),
    /** block hash → {@link ExecutionWitness#encode()} */
    WITNESSES("witnesses"),
    /** trie path (nibbles, one per byte) → account-trie node encoding */
    ACCOUNT_TRIE("account-trie"),
    /** account hash (32) ‖ trie path → storage-trie node encoding */
    STORAGE_TRIE("storage-trie"),
    /** code hash → code */
    CODES("codes"),
    /**
     * kind (0 address, 1 slot key) ‖ index, 4 bytes big-endian → the key: the diff dictionary,
     * which sorts by kind and index, the order it is restored in
     */
    DIFF_KEYS("diff-keys");

    final String familyName;

    Column(String familyName) {
      this.familyName = familyName;
    }
  }

  static final byte[] KEY_SCHEMA = bytes("schema-version");
  static final byte[] KEY_CHAIN_ID = bytes("chain-id");
  static final byte[] KEY_GENESIS = bytes("genesis-hash");
  static final byte[] KEY_HEAD = bytes("head-hash");

  /** The stored state's block hash (32) ‖ state root (32); absent while no state is stored. */
  static final byte[] KEY_STATE = bytes("state");

  private static final byte DICT_ADDRESS = 0;
  private static final byte DICT_SLOT = 1;

  /** A path nibble is below 16, so [prefix, prefix ‖ 0x10) holds exactly one trie's keys. */
  private static final byte PAST_LAST_NIBBLE = 0x10;

  private final Path directory;
  private final RocksDB db;
  private final DBOptions dbOptions;
  private final List<ColumnFamilyOptions> familyOptions;
  private final Map<Column, ColumnFamilyHandle> families;
  private final WriteOptions writeOptions;
  private final boolean sync;
  private final long chainId;
  private final Hash genesisHash;
  private volatile Hash head;
  private volatile boolean closed;

  /** Which block's post-state is stored; null when none is. One field, so read consistently. */
  private volatile StateMarker stateMarker;

  private record StateMarker(Hash block, Hash root) {}

  private final NodeStore accountTrie = new TrieNodes(Column.ACCOUNT_TRIE, new byte[0]);

  /** Guarded by this object (writes are serialized on it). */
  private DiffKeyIndex diffKeys = new DiffKeyIndex();

  private ChainStore(
      Path directory,
      RocksDB db,
      DBOptions dbOptions,
      List<ColumnFamilyOptions> familyOptions,
      Map<Column, ColumnFamilyHandle> families,
      boolean sync,
      long chainId,
      Hash genesisHash) {
    this.directory = directory;
    this.db = db;
    this.dbOptions = dbOptions;
    this.familyOptions = familyOptions;
    this.families = families;
    this.sync = sync;
    this.writeOptions = new WriteOptions().setSync(sync);
    this.chainId = chainId;
    this.genesisHash = genesisHash;
  }

  /**
   * Opens the chain database in {@code directory}, creating it with {@code genesis} as block 0 and
   * head when it does not exist.
   *
   * @param sync fsync every write (true for a node). False only for tests and bulk imports whose
   *     input can be replayed: a process crash still loses nothing written, a power loss may lose
   *     the latest blocks (never half of one); {@link #close} then syncs the log once
   * @throws StorageException when the database cannot be opened (a bad path, another process
   *     holding it), or was created for another chain id or genesis, or by another schema version
   */
  public static ChainStore open(Path directory, Block genesis, long chainId, boolean sync)
      throws StorageException {
    Objects.requireNonNull(genesis, "genesis");
    DBOptions dbOptions =
        new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    List<ColumnFamilyOptions> familyOptions = new ArrayList<>();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (Column column : Column.values()) {
      ColumnFamilyOptions options = new ColumnFamilyOptions();
      if (column == Column.DIFFS) {
        options.setCompressionType(CompressionType.NO_COMPRESSION);
      }
      familyOptions.add(options);
      descriptors.add(new ColumnFamilyDescriptor(bytes(column.familyName), options));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db;
    try {
      Files.createDirectories(directory);
      db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException | IOException e) {
      familyOptions.forEach(ColumnFamilyOptions::close);
      dbOptions.close();
      String hint =
          String.valueOf(e.getMessage()).contains("lock")
              ? " (is another megaeth-node using it?)"
              : "";
      throw new StorageException("cannot open the chain database in " + directory + hint, e);
    }
    Map<Column, ColumnFamilyHandle> families = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      families.put(column, handles.get(column.ordinal()));
    }
    Hash genesisHash = genesis.hash();
    ChainStore store =
        new ChainStore(
            directory, db, dbOptions, familyOptions, families, sync, chainId, genesisHash);
    try {
      store.initializeOrCheck(genesis);
      return store;
    } catch (StorageException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private void initializeOrCheck(Block genesis) throws StorageException {
    byte[] version = read(Column.META, KEY_SCHEMA);
    if (version == null) {
      if (!isEmpty(Column.META) || !isEmpty(Column.HEADERS)) {
        // Another kind of RocksDB database (a trie store, say): never write a chain into it.
        throw new StorageException(
            directory + " is not a chain database", cause("it holds data but no chain metadata"));
      }
      initialize(genesis);
      return;
    }
    boolean fromVersion1 = version.length == 1 && version[0] == 1;
    if (!fromVersion1 && (version.length != 1 || version[0] != SCHEMA_VERSION)) {
      throw new StorageException(
          "the chain database in " + directory + " cannot be used",
          cause(
              "it has schema version %s; this node reads version %d"
                  .formatted(Bytes.wrap(version).toHexString(), SCHEMA_VERSION)));
    }
    long storedChainId = decodeLong(read(Column.META, KEY_CHAIN_ID), "the chain id");
    Hash storedGenesis = decodeHash(read(Column.META, KEY_GENESIS), "the genesis hash");
    if (storedChainId != chainId || !storedGenesis.equals(genesisHash)) {
      throw new StorageException(
          "the chain database in " + directory + " belongs to another chain",
          cause(
              ("it was created for chain id %d with genesis %s, but this genesis is chain id %d"
                      + " with genesis %s; use another data dir or the genesis it was created with")
                  .formatted(storedChainId, storedGenesis, chainId, genesisHash)));
    }
    head = decodeHash(read(Column.META, KEY_HEAD), "the head hash");
    if (header(head).isEmpty()) {
      throw corrupt("the head block " + head, "its header is missing");
    }
    byte[] state = read(Column.META, KEY_STATE);
    if (state != null) {
      if (state.length != 2 * Hash.SIZE) {
        throw corrupt("the state marker", "it is " + state.length + " bytes, not 64");
      }
      stateMarker = new StateMarker(Hash.of(state, 0), Hash.of(state, Hash.SIZE));
    }
    if (fromVersion1) {
      upgradeFromVersion1();
    } else {
      diffKeys = readDiffKeys();
    }
  }

  /**
   * A version-1 database has the blocks and diffs but no stored state and no dictionary: the
   * dictionary is rebuilt from the canonical chain's diffs, in one batch with the new version; the
   * state is left to the caller to rebuild (it finds none).
   */
  private void upgradeFromVersion1() throws StorageException {
    DiffKeyIndex keys = new DiffKeyIndex();
    long headNumber = headHeader().number();
    try (WriteBatch batch = new WriteBatch()) {
      for (long n = 1; n <= headNumber; n++) {
        long number = n;
        Hash hash =
            canonicalHash(n).orElseThrow(() -> corrupt("canonical block " + number, "missing"));
        StateDiff diff =
            diff(hash).orElseThrow(() -> corrupt("the state diff of block " + hash, "missing"));
        DiffKeyIndex.Overlay overlay = keys.overlay();
        overlay.addKeysOf(diff);
        putDiffKeys(batch, overlay);
        overlay.commit();
      }
      batch.put(family(Column.META), KEY_SCHEMA, new byte[] {SCHEMA_VERSION});
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException("cannot upgrade the chain database in " + directory, e);
    }
    diffKeys = keys;
  }

  private DiffKeyIndex readDiffKeys() {
    List<Address> addresses = new ArrayList<>();
    List<UInt256> slots = new ArrayList<>();
    try (RocksIterator iterator = db.newIterator(family(Column.DIFF_KEYS))) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        byte[] key = iterator.key();
        byte[] value = iterator.value();
        long index = key.length == 5 ? Bytes.wrap(key, 1, 4).toLong() : -1;
        boolean isAddress = key.length == 5 && key[0] == DICT_ADDRESS;
        boolean isSlot = key.length == 5 && key[0] == DICT_SLOT;
        int expected = isAddress ? addresses.size() : slots.size();
        if (!(isAddress && value.length == Address.SIZE) && !(isSlot && value.length == 32)
            || index != expected) {
          throw corrupt(
              "the diff dictionary entry " + Bytes.wrap(key).toHexString(),
              "expected index " + expected + " and a key of the right size");
        }
        if (isAddress) {
          addresses.add(Address.wrap(value));
        } else {
          slots.add(UInt256.fromBytes(Bytes.wrap(value)));
        }
      }
    }
    try {
      return DiffKeyIndex.of(addresses, slots);
    } catch (IllegalArgumentException e) {
      throw corrupt("the diff dictionary", e.getMessage());
    }
  }

  private boolean isEmpty(Column column) {
    try (RocksIterator iterator = db.newIterator(family(column))) {
      iterator.seekToFirst();
      return !iterator.isValid();
    }
  }

  private void initialize(Block genesis) throws StorageException {
    if (!genesis.body().transactions().isEmpty()) {
      throw new IllegalArgumentException("a genesis block has no transactions");
    }
    try (WriteBatch batch = new WriteBatch()) {
      Hash hash = genesis.hash();
      // No diff: the genesis state is the alloc, not a change to a parent's state.
      putBlockRecords(
          batch,
          genesis,
          BlockEncodings.of(genesis, List.of()),
          Optional.empty(),
          Optional.empty(),
          hash,
          true);
      batch.put(family(Column.META), KEY_CHAIN_ID, longBytes(chainId));
      batch.put(family(Column.META), KEY_GENESIS, hash.toArray());
      batch.put(family(Column.META), KEY_HEAD, hash.toArray());
      // Last in the batch, and what open() looks for: the batch is atomic anyway.
      batch.put(family(Column.META), KEY_SCHEMA, new byte[] {SCHEMA_VERSION});
      db.write(writeOptions, batch);
      head = hash;
    } catch (RocksDBException e) {
      throw new StorageException("cannot write the genesis block to " + directory, e);
    }
  }

  // ---------------------------------------------------------------- writes

  /** {@link #writeBlock(Block, List, StateDiff, Optional)} with what the executor returned. */
  public boolean writeBlock(BlockResult.Valid result) throws StorageException {
    return writeBlock(result.block(), result.receipts(), result.diff(), result.witness());
  }

  /**
   * Stores a validated block that extends the head together with its post-state: the block's
   * records, the new head, the state's node and code writes since its last stored version ({@link
   * WorldState#commitNodes}), the new state marker and the diff's new dictionary keys, all in one
   * atomic write. {@code state} must be the stored state of this database at the head ({@link
   * #openState}), with the block executed on it. After a failed write, drop the state and open it
   * again.
   *
   * @throws IllegalArgumentException when the block does not extend the head, or {@code state} is
   *     not this database's stored state at the head, or its root is not the block's state root
   * @throws StorageException when the write fails; nothing of the block or state is stored then
   */
  public boolean writeBlock(BlockResult.Valid result, WorldState state) throws StorageException {
    Objects.requireNonNull(state, "state");
    return writeBlock(
        result.block(),
        result.receipts(),
        result.diff(),
        result.witness(),
        BlockEncodings.of(result.block(), result.receipts()),
        state);
  }

  /**
   * Stores a validated block with its receipts, state diff and optional witness, in one atomic
   * write. When its parent is the head it becomes the head: its number maps to it and its
   * transactions can be looked up. Otherwise it is stored on a side chain and the canonical chain
   * is unchanged (see {@link #setHead}). Writing a block already stored rewrites the same records.
   *
   * @return true when the block became the head
   * @throws IllegalArgumentException when the parent is not stored, the number does not follow the
   *     parent's, or there is not one receipt per transaction
   * @throws StorageException when the write fails; nothing of the block is stored then
   */
  public boolean writeBlock(
      Block block, List<Receipt> receipts, StateDiff diff, Optional<ExecutionWitness> witness)
      throws StorageException {
    if (receipts.size() != block.body().transactions().size()) {
      throw new IllegalArgumentException(
          "block %d has %d transactions but %d receipts"
              .formatted(block.number(), block.body().transactions().size(), receipts.size()));
    }
    return writeBlock(block, receipts, diff, witness, BlockEncodings.of(block, receipts));
  }

  /**
   * {@link #writeBlock(Block, List, StateDiff, Optional)} for a block whose transactions and
   * receipts its builder has already encoded and hashed ({@code encodings} must be those of {@code
   * block} and {@code receipts}).
   */
  public boolean writeBlock(
      Block block,
      List<Receipt> receipts,
      StateDiff diff,
      Optional<ExecutionWitness> witness,
      BlockEncodings encodings)
      throws StorageException {
    return writeBlock(block, receipts, diff, witness, encodings, null);
  }

  private synchronized boolean writeBlock(
      Block block,
      List<Receipt> receipts,
      StateDiff diff,
      Optional<ExecutionWitness> witness,
      BlockEncodings encodings,
      WorldState state)
      throws StorageException {
    ensureOpen();
    BlockHeader header = block.header();
    Optional<Long> parentNumber = number(header.parentHash());
    if (parentNumber.isEmpty()) {
      throw new IllegalArgumentException(
          "block %d %s: its parent %s is not stored"
              .formatted(header.number(), block.hash(), header.parentHash()));
    }
    if (header.number() != parentNumber.get() + 1) {
      throw new IllegalArgumentException(
          "block %s has number %d but its parent is number %d"
              .formatted(block.hash(), header.number(), parentNumber.get()));
    }
    if (receipts.size() != block.body().transactions().size()
        || encodings.transactions().size() != receipts.size()) {
      throw new IllegalArgumentException(
          "block %d has %d transactions but %d receipts (%d encoded)"
              .formatted(
                  header.number(),
                  block.body().transactions().size(),
                  receipts.size(),
                  encodings.receipts().size()));
    }
    Hash hash = block.hash();
    boolean extendsHead = header.parentHash().equals(head);
    if (state != null) {
      checkStateForBlock(state, header, extendsHead);
    }
    DiffKeyIndex.Overlay newKeys = null;
    try (WriteBatch batch = new WriteBatch()) {
      putBlockRecords(batch, block, encodings, Optional.of(diff), witness, hash, extendsHead);
      if (extendsHead) {
        batch.put(family(Column.META), KEY_HEAD, hash.toArray());
        newKeys = diffKeys.overlay();
        newKeys.addKeysOf(diff); // in the order the producer's encoding assigned them
        putDiffKeys(batch, newKeys);
      }
      if (state != null) {
        putState(batch, state.commitNodes(), hash, header.stateRoot());
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException(
          "cannot store block %d %s; nothing of it was written".formatted(header.number(), hash),
          e);
    }
    if (extendsHead) {
      head = hash;
      newKeys.commit();
    }
    if (state != null) {
      stateMarker = new StateMarker(hash, header.stateRoot());
      state.trimToStore();
    }
    return extendsHead;
  }

  private void checkStateForBlock(WorldState state, BlockHeader header, boolean extendsHead) {
    if (!extendsHead) {
      throw new IllegalArgumentException(
          "block %d does not extend the head; the stored state moves only with the head"
              .formatted(header.number()));
    }
    if (!state.isStoredIn(this)
        || stateMarker == null
        || !head.equals(stateMarker.block())
        || !state.storedRoot().equals(Optional.of(stateMarker.root()))) {
      throw new IllegalArgumentException(
          "the state is not this database's stored state at the head " + head);
    }
    if (!state.rootHash().equals(header.stateRoot())) {
      throw new IllegalArgumentException(
          "the state's root %s is not block %d's state root %s"
              .formatted(state.rootHash(), header.number(), header.stateRoot()));
    }
  }

  private void putDiffKeys(WriteBatch batch, DiffKeyIndex.Overlay keys) throws RocksDBException {
    List<Address> addresses = keys.newAddresses();
    for (int i = 0; i < addresses.size(); i++) {
      batch.put(
          family(Column.DIFF_KEYS),
          dictionaryKey(DICT_ADDRESS, keys.firstNewAddressIndex() + i),
          addresses.get(i).toArray());
    }
    List<UInt256> slots = keys.newSlotKeys();
    for (int i = 0; i < slots.size(); i++) {
      batch.put(
          family(Column.DIFF_KEYS),
          dictionaryKey(DICT_SLOT, keys.firstNewSlotKeyIndex() + i),
          slots.get(i).toBytes32());
    }
  }

  private static byte[] dictionaryKey(byte kind, int index) {
    return new byte[] {
      kind, (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index
    };
  }

  /**
   * Stores {@code state} as the post-state of the stored block {@code block}, replacing the state
   * stored so far, in one atomic write. A state opened from this database writes only its changes
   * since; any other full state (the genesis state, one rebuilt from diffs) is written whole after
   * the stored state is removed. Then the state is trimmed; a full state stays in memory, so open
   * the stored one ({@link #openState}) to read from disk instead.
   *
   * @throws IllegalArgumentException when the block is not stored, the state's root is not the
   *     block's state root, or the state is stored in another database
   * @throws StorageException when the write fails; the stored state is unchanged then
   */
  public synchronized void writeState(Hash block, WorldState state) throws StorageException {
    ensureOpen();
    BlockHeader header =
        header(block)
            .orElseThrow(() -> new IllegalArgumentException("block " + block + " is not stored"));
    if (!state.rootHash().equals(header.stateRoot())) {
      throw new IllegalArgumentException(
          "the state's root %s is not block %d's state root %s"
              .formatted(state.rootHash(), header.number(), header.stateRoot()));
    }
    boolean incremental =
        state.isStoredIn(this)
            && stateMarker != null
            && state.storedRoot().equals(Optional.of(stateMarker.root()));
    if (!incremental && state.storedRoot().isPresent()) {
      throw new IllegalArgumentException("the state is stored in another database");
    }
    try (WriteBatch batch = new WriteBatch()) {
      if (!incremental) {
        batch.deleteRange(family(Column.ACCOUNT_TRIE), new byte[0], new byte[] {PAST_LAST_NIBBLE});
        byte[] end = new byte[Hash.SIZE + 1];
        Arrays.fill(end, 0, Hash.SIZE, (byte) 0xFF);
        end[Hash.SIZE] = PAST_LAST_NIBBLE;
        batch.deleteRange(family(Column.STORAGE_TRIE), new byte[0], end);
      }
      putState(batch, state.commitNodes(), block, header.stateRoot());
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException(
          "cannot store the state of block %d %s".formatted(header.number(), block), e);
    }
    stateMarker = new StateMarker(block, header.stateRoot());
    state.trimToStore();
  }

  private void putState(WriteBatch batch, StateBatch state, Hash block, Hash root)
      throws RocksDBException {
    putNodes(batch, Column.ACCOUNT_TRIE, new byte[0], state.accountTrie());
    for (Hash account : state.clearedStorage()) {
      // Before the account's new nodes, if any: later entries of a batch win.
      batch.deleteRange(
          family(Column.STORAGE_TRIE),
          account.toArray(),
          nodeKey(account.toArray(), Bytes.of(PAST_LAST_NIBBLE)));
    }
    state
        .storageTries()
        .forEach(
            (account, nodes) -> {
              try {
                putNodes(batch, Column.STORAGE_TRIE, account.toArray(), nodes);
              } catch (RocksDBException e) {
                throw new StorageException.Unchecked("cannot build the state write", e);
              }
            });
    for (Map.Entry<Hash, Bytes> code : state.codes().entrySet()) {
      batch.put(family(Column.CODES), code.getKey().toArray(), code.getValue().toArrayUnsafe());
    }
    byte[] marker = new byte[2 * Hash.SIZE];
    block.copyTo(marker, 0);
    root.copyTo(marker, Hash.SIZE);
    batch.put(family(Column.META), KEY_STATE, marker);
  }

  private void putNodes(WriteBatch batch, Column column, byte[] prefix, NodeBatch nodes)
      throws RocksDBException {
    ColumnFamilyHandle handle = family(column);
    for (Bytes path : nodes.deletes()) {
      batch.delete(handle, nodeKey(prefix, path));
    }
    for (Map.Entry<Bytes, Bytes> put : nodes.puts().entrySet()) {
      batch.put(handle, nodeKey(prefix, put.getKey()), put.getValue().toArrayUnsafe());
    }
  }

  private static byte[] nodeKey(byte[] prefix, Bytes path) {
    byte[] key = new byte[prefix.length + path.size()];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    System.arraycopy(path.toArrayUnsafe(), 0, key, prefix.length, path.size());
    return key;
  }

  private void putBlockRecords(
      WriteBatch batch,
      Block block,
      BlockEncodings encodings,
      Optional<StateDiff> diff,
      Optional<ExecutionWitness> witness,
      Hash hash,
      boolean canonical)
      throws RocksDBException {
    byte[] key = hash.toArray();
    long number = block.number();
    batch.put(family(Column.HEADERS), key, block.header().encode().toArrayUnsafe());
    batch.put(
        family(Column.BODIES),
        key,
        StoreCodec.encodeBody(block.body(), encodings.transactions()).toArrayUnsafe());
    batch.put(family(Column.NUMBERS), key, longBytes(number));
    batch.put(
        family(Column.RECEIPTS),
        key,
        StoreCodec.encodeReceipts(encodings.receipts()).toArrayUnsafe());
    if (diff.isPresent()) {
      batch.put(
          family(Column.DIFFS), key, StateDiffCodec.compress(StateDiffCodec.encode(diff.get())));
    }
    if (witness.isPresent()) {
      batch.put(family(Column.WITNESSES), key, witness.get().encode().toArrayUnsafe());
    }
    if (canonical) {
      batch.put(family(Column.CANONICAL), longBytes(number), key);
      List<Hash> txHashes = encodings.transactionHashes();
      for (int i = 0; i < txHashes.size(); i++) {
        batch.put(
            family(Column.TX_LOOKUP),
            txHashes.get(i).toArray(),
            StoreCodec.encodeLocation(new TransactionLocation(hash, number, i)));
      }
    }
  }

  private void putTransactionLookups(
      WriteBatch batch, List<Transaction> transactions, Hash blockHash, long number)
      throws RocksDBException {
    for (int i = 0; i < transactions.size(); i++) {
      batch.put(
          family(Column.TX_LOOKUP),
          transactions.get(i).hash().toArray(),
          StoreCodec.encodeLocation(new TransactionLocation(blockHash, number, i)));
    }
  }

  /**
   * Makes the stored block {@code newHead} the head, in one atomic write: the canonical numbers
   * from the common ancestor of the old and new head up map to the new head's chain (numbers above
   * the new head are unmapped), and transaction lookups follow: those of blocks leaving the
   * canonical chain are removed, those of blocks joining it are added. Works for a reorg onto a
   * side chain, for a rewind to an ancestor, and as a no-op for the current head.
   *
   * <p>The stored state stays that of its block ({@link #stateBlock}), which is then no longer the
   * head: the caller rebuilds the new head's state and stores it ({@link #writeState}). The diff
   * dictionary is not rewound: like the producer's, it only grows (a single sequencer does not
   * reorganize its chain).
   *
   * @throws IllegalArgumentException when {@code newHead} is not stored
   * @throws StorageException when the write fails (nothing changes then) or a stored ancestor of
   *     {@code newHead} is missing
   */
  public synchronized void setHead(Hash newHead) throws StorageException {
    ensureOpen();
    BlockHeader target =
        header(newHead)
            .orElseThrow(() -> new IllegalArgumentException("block " + newHead + " is not stored"));
    // The blocks joining the canonical chain, newest first, down to the common ancestor.
    List<BlockHeader> joining = new ArrayList<>();
    BlockHeader cursor = target;
    while (!isCanonical(cursor)) {
      joining.add(cursor);
      Hash parent = cursor.parentHash();
      long number = cursor.number();
      cursor =
          header(parent)
              .orElseThrow(
                  () -> corrupt("block " + number + "'s parent " + parent, "it is not stored"));
    }
    long ancestor = cursor.number();
    long oldHeadNumber = headHeader().number();
    try (WriteBatch batch = new WriteBatch()) {
      // Deletes first: a transaction in both the old and the new branch ends up pointing to new.
      for (long n = ancestor + 1; n <= oldHeadNumber; n++) {
        Optional<Hash> leaving = canonicalHash(n);
        if (leaving.isPresent()) {
          for (Transaction tx : bodyOrCorrupt(leaving.get()).transactions()) {
            batch.delete(family(Column.TX_LOOKUP), tx.hash().toArray());
          }
        }
        batch.delete(family(Column.CANONICAL), longBytes(n));
      }
      for (int i = joining.size() - 1; i >= 0; i--) {
        BlockHeader joined = joining.get(i);
        Hash hash = joined.hash();
        batch.put(family(Column.CANONICAL), longBytes(joined.number()), hash.toArray());
        putTransactionLookups(batch, bodyOrCorrupt(hash).transactions(), hash, joined.number());
      }
      batch.put(family(Column.META), KEY_HEAD, newHead.toArray());
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException(
          "cannot set the head to " + newHead + "; the canonical chain is unchanged", e);
    }
    head = newHead;
  }

  private boolean isCanonical(BlockHeader header) {
    Hash hash = header.hash();
    return canonicalHash(header.number()).map(hash::equals).orElse(false);
  }

  private BlockBody bodyOrCorrupt(Hash hash) {
    return body(hash).orElseThrow(() -> corrupt("block " + hash, "its header has no body"));
  }

  // ---------------------------------------------------------------- reads

  /** The chain id this database was created for. */
  public long chainId() {
    return chainId;
  }

  public Hash genesisHash() {
    return genesisHash;
  }

  /** The hash of the head of the canonical chain (the genesis until a block extends it). */
  public Hash head() {
    return head;
  }

  public BlockHeader headHeader() {
    Hash current = head;
    return header(current).orElseThrow(() -> corrupt("the head block " + current, "missing"));
  }

  /** The header of a stored block, canonical or not. */
  @Override
  public Optional<BlockHeader> header(Hash hash) {
    return decode(Column.HEADERS, hash, "header", BlockHeader::decode)
        .map(
            header -> {
              Hash actual = header.hash();
              if (!actual.equals(hash)) {
                throw corrupt("the header of block " + hash, "its bytes hash to " + actual);
              }
              return header;
            });
  }

  /** The header of the canonical block {@code number}. */
  public Optional<BlockHeader> header(long number) {
    return canonicalHash(number).map(hash -> requireHeader(hash, number));
  }

  public Optional<BlockBody> body(Hash hash) {
    return decode(Column.BODIES, hash, "body", StoreCodec::decodeBody);
  }

  public Optional<Block> block(Hash hash) {
    return header(hash)
        .map(
            header ->
                new Block(
                    header,
                    body(hash).orElseThrow(() -> corrupt("block " + hash, "it has no body"))));
  }

  /** The canonical block {@code number}. */
  public Optional<Block> block(long number) {
    return canonicalHash(number).map(hash -> block(hash).orElseThrow(() -> missing(hash, number)));
  }

  /** The block's receipts, one per transaction in order. */
  public Optional<List<Receipt>> receipts(Hash hash) {
    return decode(Column.RECEIPTS, hash, "receipts", StoreCodec::decodeReceipts);
  }

  /** Where a transaction of the canonical chain is; empty for unknown or side-chain ones. */
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return decode(
        Column.TX_LOOKUP,
        transactionHash,
        "lookup of transaction",
        bytes -> StoreCodec.decodeLocation(bytes.toArrayUnsafe()));
  }

  /** The state diff the block made; empty for the genesis block, whose state is its alloc. */
  public Optional<StateDiff> diff(Hash hash) {
    byte[] value = read(Column.DIFFS, hash.toArray());
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(StateDiffCodec.decode(StateDiffCodec.decompress(value)));
    } catch (InvalidStateDiffException e) {
      throw corrupt("the state diff of block " + hash, e.getMessage());
    }
  }

  /** The block's execution witness, when it was stored with one. */
  public Optional<ExecutionWitness> witness(Hash hash) {
    return decode(Column.WITNESSES, hash, "witness", ExecutionWitness::decode);
  }

  /** The number of a stored block, canonical or not. */
  public Optional<Long> number(Hash hash) {
    byte[] value = read(Column.NUMBERS, hash.toArray());
    return value == null
        ? Optional.empty()
        : Optional.of(decodeLong(value, "the number of block " + hash));
  }

  /** The hash of the canonical block {@code number}. */
  public Optional<Hash> canonicalHash(long number) {
    byte[] value = read(Column.CANONICAL, longBytes(number));
    return value == null
        ? Optional.empty()
        : Optional.of(decodeHash(value, "the canonical hash of block " + number));
  }

  // ---------------------------------------------------------------- state

  /** The block whose post-state is stored, if any (normally the head). */
  public Optional<Hash> stateBlock() {
    StateMarker marker = stateMarker;
    return marker == null ? Optional.empty() : Optional.of(marker.block());
  }

  /** {@link #openState(int)} with the default cache budget. */
  public StoredState openState() {
    return openState(WorldState.DEFAULT_CACHE_BUDGET);
  }

  /**
   * The stored state, checked against its block: the marker's root must be the block's state root
   * and the root node must be stored with that hash. Nothing else is read: the state loads nodes as
   * it needs them.
   *
   * @param cacheBudget see {@link WorldState#load(Hash, StateStore, int)}
   */
  public StoredState openState(int cacheBudget) {
    ensureOpen();
    StateMarker marker = stateMarker;
    if (marker == null) {
      return new StoredState.Unavailable("the database holds no state");
    }
    Hash block = marker.block();
    Hash root = marker.root();
    Optional<BlockHeader> header = header(block);
    if (header.isEmpty()) {
      return new StoredState.Unavailable("the state's block " + block + " is not stored");
    }
    if (!header.get().stateRoot().equals(root)) {
      return new StoredState.Unavailable(
          "the stored state has root %s but its block #%d has state root %s"
              .formatted(root, header.get().number(), header.get().stateRoot()));
    }
    if (!root.equals(MerklePatriciaTrie.EMPTY_TRIE_ROOT)) {
      Optional<Bytes> rootNode = accountTrie.get(Bytes.EMPTY);
      if (rootNode.isEmpty() || !Keccak.hash(rootNode.get()).equals(root)) {
        return new StoredState.Unavailable(
            "the root node of the stored state " + root + " is missing or damaged");
      }
    }
    return new StoredState.Opened(header.get(), WorldState.load(root, this, cacheBudget));
  }

  @Override
  public NodeStore accountTrie() {
    return accountTrie;
  }

  @Override
  public NodeStore storageTrie(Hash accountHash) {
    return new TrieNodes(Column.STORAGE_TRIE, accountHash.toArray());
  }

  @Override
  public Optional<Bytes> code(Hash codeHash) {
    byte[] code = read(Column.CODES, codeHash.toArray());
    return code == null ? Optional.empty() : Optional.of(Bytes.wrap(code));
  }

  /**
   * Decodes a state diff of the block after the head: version 1, or version 2 against the
   * dictionary of the canonical chain's diffs so far (restored on open). The dictionary does not
   * change here; storing the block adds the diff's new keys.
   *
   * @throws InvalidStateDiffException when the diff does not decode (a version-2 reference to a key
   *     the dictionary does not have, among others)
   */
  public synchronized StateDiff decodeDiff(byte[] encoded) throws InvalidStateDiffException {
    return StateDiffCodec.decode(encoded, diffKeys.overlay());
  }

  /** Entries in one column family, counted by iterating it: for tests and tools. */
  long countEntries(Column column) {
    ensureOpen();
    long count = 0;
    try (RocksIterator iterator = db.newIterator(family(column))) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        count++;
      }
    }
    return count;
  }

  /**
   * Trie nodes of one trie in a state column family, keyed {@code prefix ‖ path}. The stored state
   * reads through it; writes normally arrive in a block's batch ({@link #putState}), but {@link
   * #apply} is a complete implementation of the interface all the same (one atomic write).
   */
  private final class TrieNodes implements NodeStore {
    private final Column column;
    private final byte[] prefix;

    TrieNodes(Column column, byte[] prefix) {
      this.column = column;
      this.prefix = prefix;
    }

    @Override
    public Optional<Bytes> get(Bytes path) {
      byte[] value = read(column, nodeKey(prefix, path));
      return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
    }

    @Override
    public void apply(NodeBatch batch) {
      synchronized (ChainStore.this) {
        ensureOpen();
        try (WriteBatch write = new WriteBatch()) {
          putNodes(write, column, prefix, batch);
          db.write(writeOptions, write);
        } catch (RocksDBException e) {
          throw new StorageException.Unchecked("trie commit failed; nothing of it was written", e);
        }
      }
    }
  }

  /** The directory the database lives in. */
  public Path directory() {
    return directory;
  }

  private BlockHeader requireHeader(Hash hash, long number) {
    return header(hash).orElseThrow(() -> missing(hash, number));
  }

  private StorageException.Unchecked missing(Hash hash, long number) {
    return corrupt("canonical block " + number + " " + hash, "its header is missing");
  }

  private <T> Optional<T> decode(Column column, Hash key, String what, Function<Bytes, T> decoder) {
    byte[] value = read(column, key.toArray());
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.apply(Bytes.wrap(value)));
    } catch (RuntimeException e) {
      // RlpException mostly; a record constructor's IllegalArgumentException, or anything a
      // decoder throws on bytes it was never meant to see: all mean the record is damaged.
      throw corrupt("the " + what + " " + key, e.getMessage());
    }
  }

  private byte[] read(Column column, byte[] key) {
    ensureOpen();
    try {
      return db.get(family(column), key);
    } catch (RocksDBException e) {
      // A read error is a broken disk or database, never "absent".
      throw new StorageException.Unchecked(
          "chain database read failed (" + column.familyName + ") in " + directory, e);
    }
  }

  private long decodeLong(byte[] value, String what) {
    if (value == null || value.length != Long.BYTES) {
      throw corrupt(what, value == null ? "missing" : "it is " + value.length + " bytes, not 8");
    }
    return Bytes.wrap(value).toLong();
  }

  private Hash decodeHash(byte[] value, String what) {
    if (value == null || value.length != Hash.SIZE) {
      throw corrupt(
          what, value == null ? "missing" : "it is " + value.length + " bytes, not " + Hash.SIZE);
    }
    return Hash.of(value);
  }

  private StorageException.Unchecked corrupt(String what, String problem) {
    return new StorageException.Unchecked(
        "corrupt chain database in " + directory + ": " + what, cause(problem));
  }

  /** StorageException's message is "message: cause's message"; this cause carries the detail. */
  private static IllegalStateException cause(String detail) {
    return new IllegalStateException(detail);
  }

  private ColumnFamilyHandle family(Column column) {
    return families.get(column);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the chain store in " + directory + " is closed");
    }
  }

  static byte[] longBytes(long value) {
    return Bytes.ofUnsignedLong(value).toArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Closes the database; with {@code sync} off, first syncs the write-ahead log, so that what was
   * written survives a power loss from here on. Then flushes the memtables to table files, so the
   * next open does not rebuild them from the log (with the state stored, the log since the last
   * flush holds every trie node written: replaying it dominated a restarted import's start).
   * Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!sync) {
        db.flushWal(true);
      }
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        db.flush(flush, new ArrayList<>(families.values()));
      }
    } catch (RocksDBException e) {
      throw new StorageException.Unchecked("cannot sync the chain database in " + directory, e);
    } finally {
      families.values().forEach(ColumnFamilyHandle::close);
      db.close();
      writeOptions.close();
      familyOptions.forEach(ColumnFamilyOptions::close);
      dbOptions.close();
    }
  }
}
