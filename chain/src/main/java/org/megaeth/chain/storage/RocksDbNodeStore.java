package org.megaeth.chain.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.NodeStore;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Trie nodes in RocksDB, keyed by path under a namespace (one per trie: the state trie, or an
 * account's storage trie with the account hash as namespace). Each {@link NodeBatch} is one RocksDB
 * write batch, so a commit is all or nothing: a crash between two commits leaves the earlier trie
 * readable, and a crash during one leaves no half of it.
 *
 * <p>Writes are synced to disk by default (one fsync per commit, i.e. per block on a full node), so
 * a power loss, not only a process crash, keeps every acknowledged commit.
 */
public final class RocksDbNodeStore implements NodeStore, AutoCloseable {
  static {
    RocksDbLibrary.load();
  }

  private final RocksDB db;
  private final Options options;
  private final WriteOptions writeOptions;
  private final byte[] namespace;
  private final boolean ownsDb;

  private RocksDbNodeStore(
      RocksDB db, Options options, WriteOptions writeOptions, byte[] namespace, boolean ownsDb) {
    this.db = db;
    this.options = options;
    this.writeOptions = writeOptions;
    this.namespace = namespace;
    this.ownsDb = ownsDb;
  }

  /**
   * Opens (creating if needed) the database in {@code directory} with an empty namespace.
   *
   * @param sync fsync each commit (true for a node; false only for tests and benchmarks)
   */
  public static RocksDbNodeStore open(Path directory, boolean sync) throws StorageException {
    try {
      Files.createDirectories(directory);
      Options options = new Options().setCreateIfMissing(true);
      RocksDB db = RocksDB.open(options, directory.toString());
      return new RocksDbNodeStore(db, options, new WriteOptions().setSync(sync), new byte[0], true);
    } catch (RocksDBException | java.io.IOException e) {
      throw new StorageException("cannot open the trie database in " + directory, e);
    }
  }

  /**
   * A view of the same database whose keys all start with {@code prefix}; closing it is a no-op.
   */
  public RocksDbNodeStore namespace(Bytes prefix) {
    return new RocksDbNodeStore(
        db,
        options,
        writeOptions,
        Bytes.concatenate(Bytes.wrap(namespace), prefix).toArray(),
        false);
  }

  @Override
  public Optional<Bytes> get(Bytes path) {
    try {
      byte[] value = db.get(key(path));
      return value == null ? Optional.empty() : Optional.of(Bytes.wrap(value));
    } catch (RocksDBException e) {
      // A read error is a broken disk or database, not a missing node: never answer "absent".
      throw new StorageException.Unchecked("trie node read failed at path " + path, e);
    }
  }

  @Override
  public void apply(NodeBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    try (WriteBatch write = new WriteBatch()) {
      for (Map.Entry<Bytes, Bytes> put : batch.puts().entrySet()) {
        write.put(key(put.getKey()), put.getValue().toArrayUnsafe());
      }
      for (Bytes path : batch.deletes()) {
        write.delete(key(path));
      }
      db.write(writeOptions, write);
    } catch (RocksDBException e) {
      throw new StorageException.Unchecked("trie commit failed; nothing of it was written", e);
    }
  }

  private byte[] key(Bytes path) {
    byte[] key = new byte[namespace.length + path.size()];
    System.arraycopy(namespace, 0, key, 0, namespace.length);
    System.arraycopy(path.toArrayUnsafe(), 0, key, namespace.length, path.size());
    return key;
  }

  @Override
  public void close() {
    if (ownsDb) {
      writeOptions.close();
      db.close();
      options.close();
    }
  }
}
