package org.megaeth.sequencer.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.CRC32C;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.state.FrozenState;
import org.megaeth.trie.state.WorldState;

class SnapshotStoreTest {
  private static final Bytes EXTRA = Bytes.fromHexString("0xdeadbeef0102");

  @TempDir Path dir;

  /** A state with plain accounts, contracts sharing code, big and small storage, big balances. */
  private static WorldState sampleState(int accounts, long seed) {
    Random random = new Random(seed);
    WorldState state = WorldState.create();
    for (int i = 0; i < accounts; i++) {
      Address a = Address.ofNumber(i + 1);
      state.setBalance(a, Wei.of(UInt256.fromBytes(randomBytes(random, 1 + random.nextInt(32)))));
      state.setNonce(a, random.nextInt(1000));
      if (i % 7 == 0) {
        state.setCode(a, Bytes.of(0x60, i % 3, 0x00)); // three distinct codes, shared
        for (int s = 0; s < i % 50; s++) {
          state.setStorage(
              a,
              UInt256.fromBytes(randomBytes(random, 32)),
              UInt256.fromBytes(randomBytes(random, 1 + random.nextInt(32))));
        }
      }
    }
    state.setNonce(Address.ofNumber(0xffff), -1L); // the largest unsigned nonce
    state.computeRoot();
    return state;
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    b[0] |= 1; // never all zero
    return b;
  }

  private static SnapshotMetadata metadata(long block, FrozenState state) {
    return new SnapshotMetadata(
        block, Keccak.hash(Bytes.ofUnsignedLong(block)), state.rootHash(), EXTRA);
  }

  @Test
  void shouldGiveBackTheSameStateAndMetadataWhenRoundTripped() throws Exception {
    WorldState original = sampleState(2000, 1);
    FrozenState frozen = original.freeze();
    SnapshotStore store = new SnapshotStore(dir, 2);

    SnapshotInfo info = store.write(frozen, metadata(7, frozen));
    LoadedSnapshot loaded;
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      loaded = store.loadNewest(pool).orElseThrow();
    } finally {
      pool.shutdown();
    }

    assertThat(info.accounts()).isEqualTo(2001);
    assertThat(info.codes()).isEqualTo(3);
    assertThat(info.slots()).isPositive();
    assertThat(loaded.metadata()).isEqualTo(metadata(7, frozen));
    assertThat(loaded.state().rootHash()).isEqualTo(original.rootHash());
    Address contract = Address.ofNumber(15);
    assertThat(loaded.state().getCode(contract)).isEqualTo(original.getCode(contract));
    assertThat(loaded.state().getAccount(Address.ofNumber(0xffff)).orElseThrow().nonce())
        .isEqualTo(-1L);
    // The loaded state goes on like the original.
    for (WorldState s : List.of(original, loaded.state())) {
      s.setStorage(contract, UInt256.ONE, UInt256.valueOf(5));
      s.deleteAccount(Address.ofNumber(8));
    }
    assertThat(loaded.state().computeRoot()).isEqualTo(original.computeRoot());
  }

  @Test
  void shouldRoundTripTheEmptyState() throws Exception {
    WorldState empty = WorldState.create();
    SnapshotStore store = new SnapshotStore(dir, 1);
    FrozenState frozen = empty.freeze();

    store.write(frozen, new SnapshotMetadata(0, Hash.ZERO, frozen.rootHash(), Bytes.EMPTY));

    LoadedSnapshot loaded = store.loadNewest(null).orElseThrow();
    assertThat(loaded.state().rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    assertThat(loaded.metadata().extra()).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void shouldWriteTheFrozenBlockWhileTheStateKeepsCommitting() throws Exception {
    WorldState state = sampleState(3000, 2);
    FrozenState frozen = state.freeze();
    Hash root = frozen.rootHash();
    SnapshotStore store = new SnapshotStore(dir, 2);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<SnapshotInfo> written =
          store.writeAsync(frozen, metadata(1, frozen), writer);
      Random random = new Random(3);
      for (int block = 0; block < 50; block++) {
        for (int i = 0; i < 200; i++) {
          Address a = Address.ofNumber(1 + random.nextInt(4000));
          state.setStorage(
              a, UInt256.valueOf(random.nextInt(10)), UInt256.valueOf(random.nextInt(5)));
          state.setBalance(a, Wei.of(random.nextInt(1000)));
        }
        state.computeRoot();
      }
      written.join();
    } finally {
      writer.shutdown();
    }

    assertThat(state.rootHash()).isNotEqualTo(root);
    assertThat(store.loadNewest(null).orElseThrow().state().rootHash()).isEqualTo(root);
  }

  @Test
  void shouldRejectWithAChecksumErrorWhenTheBodyIsDamaged() throws Exception {
    SnapshotStore store = new SnapshotStore(dir, 1);
    FrozenState frozen = sampleState(500, 4).freeze();
    Path file = store.write(frozen, metadata(3, frozen)).file();
    flipByte(file, Files.size(file) / 2);

    assertThatThrownBy(() -> SnapshotFile.read(file, null))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("checksum mismatch");
    assertThatThrownBy(() -> SnapshotFile.verifyChecksums(file))
        .hasMessageContaining("body checksum mismatch");
  }

  @Test
  void shouldRejectWhenTheHeaderIsDamagedOrTheFileIsCutShort() throws Exception {
    SnapshotStore store = new SnapshotStore(dir, 5);
    FrozenState frozen = sampleState(100, 5).freeze();
    Path header = store.write(frozen, metadata(1, frozen)).file();
    Path cut = store.write(frozen, metadata(2, frozen)).file();
    Path notSnapshot = store.fileFor(3);
    flipByte(header, 30);
    try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 100);
    }
    Files.write(notSnapshot, new byte[10]);

    assertThatThrownBy(() -> SnapshotFile.read(header, null))
        .hasMessageContaining("header checksum");
    assertThatThrownBy(() -> SnapshotFile.read(cut, null)).hasMessageContaining("end marker");
    assertThatThrownBy(() -> SnapshotFile.read(notSnapshot, null))
        .hasMessageContaining("header cut short");
    assertThat(store.loadNewest(null)).isEmpty();
  }

  @Test
  void shouldRejectWhenTheContentDoesNotGiveTheStateRoot() throws Exception {
    SnapshotStore store = new SnapshotStore(dir, 1);
    FrozenState frozen = sampleState(100, 6).freeze();
    Path file = store.write(frozen, metadata(1, frozen)).file();
    // Claim another root, with a valid header checksum: only the root check can catch it.
    Hash other = Keccak.hash(Bytes.of(1));
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      int headerLength = 8 + 4 + 8 + 32 + 32 + 4 + EXTRA.size();
      ByteBuffer header = ByteBuffer.allocate(headerLength);
      ch.read(header, 0);
      header.position(8 + 4 + 8 + 32);
      header.put(other.toArray());
      CRC32C crc = new CRC32C();
      crc.update(header.array(), 0, headerLength);
      ByteBuffer c = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
      ch.write(header.flip(), 0);
      ch.write(c, headerLength);
    }

    assertThat(SnapshotFile.verifyChecksums(file).stateRoot()).isEqualTo(other);
    assertThatThrownBy(() -> SnapshotFile.read(file, null))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("the content gives state root " + frozen.rootHash())
        .hasMessageContaining("but the snapshot is of " + other);
  }

  @Test
  void shouldRefuseMetadataOfAnotherRoot() throws IOException {
    SnapshotStore store = new SnapshotStore(dir, 1);
    FrozenState frozen = sampleState(10, 7).freeze();

    assertThatThrownBy(
            () -> store.write(frozen, new SnapshotMetadata(1, Hash.ZERO, Hash.ZERO, Bytes.EMPTY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.list()).isEmpty();
  }

  @Test
  void shouldPickTheNewestValidSnapshotAndKeepOnlyTheNewestK() throws Exception {
    SnapshotStore store = new SnapshotStore(dir, 3);
    WorldState state = WorldState.create();
    for (long block = 1; block <= 5; block++) {
      state.setBalance(Address.ofNumber(block), Wei.of(block));
      state.computeRoot();
      FrozenState frozen = state.freeze();
      store.write(frozen, metadata(block, frozen));
    }
    assertThat(store.list()).containsExactly(store.fileFor(5), store.fileFor(4), store.fileFor(3));

    flipByte(store.fileFor(5), Files.size(store.fileFor(5)) - 30);

    Optional<LoadedSnapshot> loaded = store.loadNewest(null);
    assertThat(loaded.orElseThrow().metadata().blockNumber()).isEqualTo(4);
    assertThat(loaded.get().state().getAccount(Address.ofNumber(4))).isPresent();
    assertThat(loaded.get().state().getAccount(Address.ofNumber(5))).isEmpty();
    assertThat(store.newestIntact().orElseThrow().blockNumber()).isEqualTo(4);
  }

  @Test
  void shouldRemoveUnfinishedFilesWhenOpened() throws IOException {
    Path leftover = dir.resolve("snapshot-00000000000000000009.snap.tmp");
    Files.write(leftover, new byte[100]);

    new SnapshotStore(dir, 1);

    assertThat(leftover).doesNotExist();
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ 0x10));
      b.rewind();
      ch.write(b, offset);
    }
  }
}
