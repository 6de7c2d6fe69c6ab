package org.megaeth.sequencer.snapshot;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.zip.CRC32C;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.state.Account;
import org.megaeth.trie.state.FrozenState;
import org.megaeth.trie.state.InvalidStateException;
import org.megaeth.trie.state.WorldState;
import org.megaeth.trie.state.WorldStateBuilder;

/**
 * One snapshot file: the whole state of one block, streamed in and out, never held as one array.
 *
 * <p>Layout: a header ({@code MEGASNAP}, version u32, block number u64, block hash, state root,
 * extra length u32 and bytes, crc32c of the header u32); a body, one zstd stream of records; a
 * trailer (body length u64, crc32c of the body as stored u32, {@code SNAPEND\0}). Body records:
 * {@code 'C'} code (length u32, bytes), written before the first account using it; {@code 'A'}
 * account (address, nonce u64, balance, code hash, storage root), followed by its {@code 'S'} slots
 * (slot 32 bytes, value); {@code 'E'} end (account, slot and code counts, u64 each). Balances and
 * slot values are a length byte and the value's minimal big-endian bytes. Accounts come in account
 * trie order, slots in storage trie order.
 *
 * <p>A file is written to a temporary name, forced, renamed and the directory forced, so a crash
 * leaves either the whole file or none. Reading checks the header checksum, the body checksum,
 * every account's storage root, every code hash, the counts and finally the state root, so a file
 * loads only if it gives back exactly the state it was written from.
 */
public final class SnapshotFile {
  static final byte[] MAGIC = "MEGASNAP".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END_MAGIC = "SNAPEND\0".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int TRAILER_BYTES = 8 + 4 + 8;

  /** zstd's fastest level: the writer runs beside the sequencer on a small machine. */
  private static final int ZSTD_LEVEL = 1;

  /** Far above any real contract (EIP-170 allows 24 KiB) but bounds what a damaged length asks. */
  private static final int MAX_CODE_BYTES = 16 << 20;

  private static final byte CODE = 'C';
  private static final byte ACCOUNT = 'A';
  private static final byte SLOT = 'S';
  private static final byte END = 'E';

  private SnapshotFile() {}

  // ---------------------------------------------------------------- writing

  /**
   * Writes {@code state} to {@code file} atomically, on the calling thread. The state is a frozen
   * view, so the sequencer may keep committing blocks meanwhile.
   *
   * @throws IllegalArgumentException when the metadata's state root is not the view's
   */
  public static SnapshotInfo write(Path file, FrozenState state, SnapshotMetadata metadata)
      throws IOException {
    if (!metadata.stateRoot().equals(state.rootHash())) {
      throw new IllegalArgumentException(
          "metadata state root "
              + metadata.stateRoot()
              + " is not the state's "
              + state.rootHash());
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    long[] counts;
    try (FileChannel channel =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
      raw.write(header(metadata));
      CrcOutputStream body = new CrcOutputStream(raw);
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(new ZstdOutputStream(body, ZSTD_LEVEL), 1 << 16))) {
        counts = writeBody(out, state);
      }
      ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
      trailer.putLong(body.count).putInt((int) body.crc.getValue()).put(END_MAGIC);
      raw.write(trailer.array());
      raw.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(file.toAbsolutePath().getParent());
    return new SnapshotInfo(file, metadata, Files.size(file), counts[0], counts[1], counts[2]);
  }

  private static long[] writeBody(DataOutputStream out, FrozenState state) throws IOException {
    long accounts = 0;
    long slots = 0;
    Set<Hash> codesWritten = new HashSet<>();
    Iterator<FrozenState.AccountEntry> it = state.accounts();
    while (it.hasNext()) {
      FrozenState.AccountEntry entry = it.next();
      Account account = entry.account();
      if (account.hasCode() && codesWritten.add(account.codeHash())) {
        Bytes code =
            state
                .getCodeByHash(account.codeHash())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no code " + account.codeHash() + " for " + entry.address()));
        out.writeByte(CODE);
        out.writeInt(code.size());
        out.write(code.toArrayUnsafe());
      }
      out.writeByte(ACCOUNT);
      out.write(entry.address().toArray());
      out.writeLong(account.nonce());
      writeUInt256(out, account.balance().value());
      out.write(account.codeHash().toArray());
      out.write(account.storageRoot().toArray());
      accounts++;
      Iterator<FrozenState.SlotEntry> slotIt = state.storage(entry.address());
      while (slotIt.hasNext()) {
        FrozenState.SlotEntry slot = slotIt.next();
        out.writeByte(SLOT);
        out.write(slot.slot().toBytes32());
        writeUInt256(out, slot.value());
        slots++;
      }
    }
    out.writeByte(END);
    out.writeLong(accounts);
    out.writeLong(slots);
    out.writeLong(codesWritten.size());
    return new long[] {accounts, slots, codesWritten.size()};
  }

  private static void writeUInt256(DataOutputStream out, UInt256 value) throws IOException {
    byte[] minimal = value.isZero() ? new byte[0] : value.toMinimalBytes();
    out.writeByte(minimal.length);
    out.write(minimal);
  }

  private static byte[] header(SnapshotMetadata m) {
    ByteBuffer b = ByteBuffer.allocate(headerLength(m.extra().size()));
    b.put(MAGIC).putInt(VERSION).putLong(m.blockNumber());
    b.put(m.blockHash().toArray()).put(m.stateRoot().toArray());
    b.putInt(m.extra().size()).put(m.extra().toArrayUnsafe());
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  private static int headerLength(int extraLength) {
    return 8 + 4 + 8 + 32 + 32 + 4 + extraLength + 4;
  }

  // ---------------------------------------------------------------- reading

  /** Reads only the header: what the file claims to hold, checked against its header checksum. */
  public static SnapshotMetadata readMetadata(Path file) throws SnapshotException, IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return readHeader(new DataInputStream(in), file);
    }
  }

  /**
   * Checks the header and body checksums without building the state: a quick test for damage
   * (loading checks much more, roots included).
   */
  public static SnapshotMetadata verifyChecksums(Path file) throws SnapshotException, IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 20));
      SnapshotMetadata metadata = readHeader(in, file);
      Trailer trailer = readTrailer(channel, file, metadata);
      CrcInputStream body = new CrcInputStream(in, trailer.bodyLength);
      body.transferTo(OutputStream.nullOutputStream());
      checkBody(file, body, trailer);
      return metadata;
    }
  }

  /**
   * Reads a snapshot into a new world state, hashing storage tries in parallel on {@code executor}
   * ({@code null}: the calling thread).
   *
   * @throws SnapshotException when the file is damaged or does not give its state root
   */
  public static LoadedSnapshot read(Path file, Executor executor)
      throws SnapshotException, IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 20));
      SnapshotMetadata metadata = readHeader(in, file);
      Trailer trailer = readTrailer(channel, file, metadata);
      CrcInputStream body = new CrcInputStream(in, trailer.bodyLength);
      WorldStateBuilder builder = new WorldStateBuilder();
      try {
        DataInputStream records =
            new DataInputStream(new BufferedInputStream(new ZstdInputStream(body), 1 << 16));
        readBody(records, builder, file);
        if (records.read() != -1) {
          throw new SnapshotException(file, "data after the end record");
        }
      } catch (IOException | InvalidStateException | SnapshotException e) {
        // Damage usually shows as a parse error first; name the checksum when it is the cause.
        body.transferTo(OutputStream.nullOutputStream());
        if (body.crc.getValue() != (trailer.crc & 0xFFFFFFFFL)) {
          throw new SnapshotException(file, "body checksum mismatch", e);
        }
        throw e instanceof SnapshotException se
            ? se
            : new SnapshotException(file, "invalid content", e);
      }
      checkBody(file, body, trailer);
      WorldState state;
      try {
        state = builder.build(executor);
      } catch (InvalidStateException e) {
        throw new SnapshotException(file, "inconsistent state", e);
      }
      if (!state.rootHash().equals(metadata.stateRoot())) {
        throw new SnapshotException(
            file,
            "the content gives state root "
                + state.rootHash()
                + " but the snapshot is of "
                + metadata.stateRoot());
      }
      return new LoadedSnapshot(file, metadata, state);
    }
  }

  private static void readBody(DataInputStream in, WorldStateBuilder builder, Path file)
      throws IOException, InvalidStateException, SnapshotException {
    Address account = null;
    long codes = 0;
    byte[] address = new byte[Address.SIZE];
    byte[] hash = new byte[Hash.SIZE];
    byte[] slot = new byte[32];
    while (true) {
      int tag = in.readByte();
      switch (tag) {
        case CODE -> {
          int length = in.readInt();
          if (length < 0 || length > MAX_CODE_BYTES) {
            throw new SnapshotException(file, "code of " + length + " bytes");
          }
          byte[] code = new byte[length];
          in.readFully(code);
          builder.putCode(Bytes.wrap(code));
          codes++;
        }
        case ACCOUNT -> {
          in.readFully(address);
          account = Address.of(address);
          long nonce = in.readLong();
          Wei balance = Wei.of(readUInt256(in, file));
          in.readFully(hash);
          Hash codeHash = Hash.of(hash);
          in.readFully(hash);
          Hash storageRoot = Hash.of(hash);
          builder.putAccount(account, new Account(nonce, balance, storageRoot, codeHash));
        }
        case SLOT -> {
          if (account == null) {
            throw new SnapshotException(file, "a slot before any account");
          }
          in.readFully(slot);
          builder.putStorage(account, UInt256.fromBytes(slot), readUInt256(in, file));
        }
        case END -> {
          long accounts = in.readLong();
          long slots = in.readLong();
          long codeCount = in.readLong();
          if (accounts != builder.accountCount()
              || slots != builder.slotCount()
              || codeCount != codes) {
            throw new SnapshotException(
                file,
                "the end record counts "
                    + accounts
                    + " accounts, "
                    + slots
                    + " slots, "
                    + codeCount
                    + " codes but the file has "
                    + builder.accountCount()
                    + ", "
                    + builder.slotCount()
                    + ", "
                    + codes);
          }
          return;
        }
        default -> throw new SnapshotException(file, "unknown record tag " + tag);
      }
    }
  }

  private static UInt256 readUInt256(DataInputStream in, Path file)
      throws IOException, SnapshotException {
    int length = in.readUnsignedByte();
    if (length > 32) {
      throw new SnapshotException(file, "a 256-bit value of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return length == 0 ? UInt256.ZERO : UInt256.fromBytes(bytes);
  }

  private static SnapshotMetadata readHeader(DataInputStream in, Path file)
      throws IOException, SnapshotException {
    try {
      byte[] fixed = new byte[8 + 4 + 8 + 32 + 32 + 4];
      in.readFully(fixed);
      ByteBuffer b = ByteBuffer.wrap(fixed);
      byte[] magic = new byte[8];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new SnapshotException(file, "not a snapshot file");
      }
      int version = b.getInt();
      if (version != VERSION) {
        throw new SnapshotException(file, "format version " + version + " is not " + VERSION);
      }
      long blockNumber = b.getLong();
      byte[] blockHash = new byte[32];
      b.get(blockHash);
      byte[] stateRoot = new byte[32];
      b.get(stateRoot);
      int extraLength = b.getInt();
      if (extraLength < 0 || extraLength > SnapshotMetadata.MAX_EXTRA) {
        throw new SnapshotException(file, "extra metadata of " + extraLength + " bytes");
      }
      byte[] extra = new byte[extraLength];
      in.readFully(extra);
      int storedCrc = in.readInt();
      CRC32C crc = new CRC32C();
      crc.update(fixed);
      crc.update(extra);
      if (storedCrc != (int) crc.getValue()) {
        throw new SnapshotException(file, "header checksum mismatch");
      }
      if (blockNumber < 0) {
        throw new SnapshotException(file, "negative block number");
      }
      return new SnapshotMetadata(
          blockNumber, Hash.wrap(blockHash), Hash.wrap(stateRoot), Bytes.wrap(extra));
    } catch (EOFException e) {
      throw new SnapshotException(file, "header cut short", e);
    }
  }

  private record Trailer(long bodyLength, int crc) {}

  private static Trailer readTrailer(FileChannel channel, Path file, SnapshotMetadata metadata)
      throws IOException, SnapshotException {
    long size = channel.size();
    long bodyStart = headerLength(metadata.extra().size());
    if (size < bodyStart + TRAILER_BYTES) {
      throw new SnapshotException(file, "cut short: " + size + " bytes");
    }
    ByteBuffer b = ByteBuffer.allocate(TRAILER_BYTES);
    long at = size - TRAILER_BYTES;
    while (b.hasRemaining()) {
      if (channel.read(b, at + b.position()) < 0) {
        throw new EOFException();
      }
    }
    b.flip();
    long bodyLength = b.getLong();
    int crc = b.getInt();
    byte[] magic = new byte[8];
    b.get(magic);
    if (!Arrays.equals(magic, END_MAGIC)) {
      throw new SnapshotException(file, "no end marker: the file is cut short or damaged");
    }
    if (bodyLength != size - bodyStart - TRAILER_BYTES) {
      throw new SnapshotException(
          file,
          "the trailer gives a body of "
              + bodyLength
              + " bytes but the file holds "
              + (size - bodyStart - TRAILER_BYTES));
    }
    return new Trailer(bodyLength, crc);
  }

  private static void checkBody(Path file, CrcInputStream body, Trailer trailer)
      throws IOException, SnapshotException {
    if (body.remaining > 0) {
      // zstd stopped at its frame's end before the body did: trailing bytes.
      body.transferTo(OutputStream.nullOutputStream());
      throw new SnapshotException(file, "data after the compressed body");
    }
    if (body.crc.getValue() != (trailer.crc & 0xFFFFFFFFL)) {
      throw new SnapshotException(file, "body checksum mismatch");
    }
  }

  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }

  /** Counts and checksums what passes through; closing flushes but leaves the target open. */
  private static final class CrcOutputStream extends FilterOutputStream {
    final CRC32C crc = new CRC32C();
    long count;

    CrcOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** Reads at most {@code remaining} bytes, checksumming them; closing leaves the source open. */
  private static final class CrcInputStream extends FilterInputStream {
    final CRC32C crc = new CRC32C();
    long remaining;

    CrcInputStream(InputStream in, long length) {
      super(in);
      this.remaining = length;
    }

    @Override
    public int read() throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        crc.update(b);
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        crc.update(b, off, n);
        remaining -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new UnsupportedOperationException("every byte must be checksummed");
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {}
  }
}
