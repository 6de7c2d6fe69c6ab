package org.megaeth.chain.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.megaeth.chain.storage.StorageException;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.diff.InvalidStateDiffException;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;
import org.megaeth.core.witness.ExecutionWitness;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
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
 */
public final class ChainStore implements HeaderLookup, AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  /** Bumped when a record's layout changes; a database of another version is refused. */
  static final int SCHEMA_VERSION = 1;

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
    WITNESSES("witnesses");

    final String familyName;

    Column(String familyName) {
      this.familyName = familyName;
    }
  }

  static final byte[] KEY_SCHEMA = bytes("schema-version");
  static final byte[] KEY_CHAIN_ID = bytes("chain-id");
  static final byte[] KEY_GENESIS = bytes("genesis-hash");
  static final byte[] KEY_HEAD = bytes("head-hash");

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
    if (version.length != 1 || version[0] != SCHEMA_VERSION) {
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
  public synchronized boolean writeBlock(
      Block block,
      List<Receipt> receipts,
      StateDiff diff,
      Optional<ExecutionWitness> witness,
      BlockEncodings encodings)
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
    try (WriteBatch batch = new WriteBatch()) {
      putBlockRecords(batch, block, encodings, Optional.of(diff), witness, hash, extendsHead);
      if (extendsHead) {
        batch.put(family(Column.META), KEY_HEAD, hash.toArray());
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new StorageException(
          "cannot store block %d %s; nothing of it was written".formatted(header.number(), hash),
          e);
    }
    if (extendsHead) {
      head = hash;
    }
    return extendsHead;
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
   * written survives a power loss from here on. Idempotent.
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
