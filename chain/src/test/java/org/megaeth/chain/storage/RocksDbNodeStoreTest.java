package org.megaeth.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.types.Hash;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.store.NodeBatch;
import org.megaeth.trie.store.NodeStore;
import org.megaeth.trie.store.NodeStoreContractTest;

class RocksDbNodeStoreTest extends NodeStoreContractTest {
  @TempDir Path dir;
  private final List<RocksDbNodeStore> opened = new ArrayList<>();

  @Override
  protected NodeStore createStore() {
    return open(dir.resolve("contract"));
  }

  @AfterEach
  void closeStores() {
    opened.forEach(RocksDbNodeStore::close);
  }

  @Test
  void shouldServeTheSameRootWhenClosedAndReopened() {
    Path db = dir.resolve("reopen");
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      Bytes key = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i, (byte) (i >> 8)}));
      trie.put(key, Bytes.of(7, i & 0xff));
      model.put(key, Bytes.of(7, i & 0xff));
    }
    Hash root = trie.rootHash();
    try (RocksDbNodeStore store = RocksDbNodeStore.open(db, false)) {
      store.apply(trie.commit());
    } catch (StorageException e) {
      throw new AssertionError(e);
    }

    RocksDbNodeStore reopened = open(db);
    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(root, reopened);
    model.forEach((k, v) -> assertThat(loaded.get(k)).contains(v));
    assertThat(loaded.rootHash()).isEqualTo(root);
    assertThat(storedRoot(reopened)).isEqualTo(root);
  }

  @Test
  void shouldKeepNamespacesApart() {
    RocksDbNodeStore store = open(dir.resolve("namespaces"));
    NodeStore alice = store.namespace(Bytes.fromHexString("0xaa"));
    NodeStore bob = store.namespace(Bytes.fromHexString("0xbb"));
    alice.apply(new NodeBatch(Map.of(Bytes.EMPTY, Bytes.of(1)), java.util.Set.of()));
    assertThat(alice.get(Bytes.EMPTY)).contains(Bytes.of(1));
    assertThat(bob.get(Bytes.EMPTY)).isEmpty();
    assertThat(store.get(Bytes.EMPTY)).isEmpty();
  }

  @Test
  void shouldNameTheDirectoryWhenTheDatabaseCannotBeOpened() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> RocksDbNodeStore.open(notADirectory, true))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(notADirectory.toString());
  }

  /**
   * kill -9 of a process committing as fast as it can, at different moments: the reopened store
   * holds exactly one of the committed tries, complete, never a mix of two.
   */
  @ParameterizedTest(name = "killed after {0} commits")
  @ValueSource(ints = {3, 17, 41})
  void shouldKeepACompleteCommittedTrieWhenKilledBetweenCommits(int commitsBeforeKill)
      throws Exception {
    Path db = dir.resolve("crash-" + commitsBeforeKill);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CommitLoop.class.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    int printed = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (printed < commitsBeforeKill && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          printed = Integer.parseInt(line.split(" ")[1]);
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no RocksDB close
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(printed).as("the child committed before it was killed").isEqualTo(commitsBeforeKill);

    // Replay the same commits in memory: the store must hold commit number printed or a later one.
    // The child can run ahead of what was read by at most a pipe buffer of lines (64 KiB / ~85 B).
    CommitSequence sequence = new CommitSequence();
    List<MerklePatriciaTrie> states = new ArrayList<>();
    for (int i = 0; i <= printed + 1_000; i++) {
      states.add(sequence.next().copy());
    }
    RocksDbNodeStore reopened = open(db);
    Hash stored = storedRoot(reopened);
    int match = -1;
    for (int i = printed; i < states.size(); i++) {
      if (states.get(i).rootHash().equals(stored)) {
        match = i;
        break;
      }
    }
    assertThat(match).as("stored root %s is one of the committed roots", stored).isNotNegative();
    MerklePatriciaTrie expected = states.get(match);
    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(stored, reopened);
    Map<Bytes, Bytes> entries = new HashMap<>();
    loaded.forEach(entries::put); // loads every node: a missing or torn one would throw
    Map<Bytes, Bytes> expectedEntries = new HashMap<>();
    expected.forEach(expectedEntries::put);
    assertThat(entries).isEqualTo(expectedEntries);
  }

  private RocksDbNodeStore open(Path path) {
    try {
      RocksDbNodeStore store = RocksDbNodeStore.open(path, false);
      opened.add(store);
      return store;
    } catch (StorageException e) {
      throw new AssertionError(e);
    }
  }

  /** The root hash of what the store holds: keccak of the node at the empty path. */
  private static Hash storedRoot(NodeStore store) {
    return Keccak.hash(store.get(Bytes.EMPTY).orElseThrow().toArrayUnsafe());
  }
}
