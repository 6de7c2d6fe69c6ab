package org.megaeth.trie.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

/** What every {@link NodeStore} must do; subclass it once per implementation. */
public abstract class NodeStoreContractTest {
  private static final Bytes ROOT = Bytes.EMPTY;
  private static final Bytes PATH_A = Bytes.of(1, 2);
  private static final Bytes PATH_B = Bytes.of(1, 3, 0xf);

  private NodeStore store;

  /** A new, empty store. */
  protected abstract NodeStore createStore();

  @BeforeEach
  void setUp() {
    store = createStore();
  }

  @Test
  void shouldReturnEmptyWhenPathWasNeverWritten() {
    assertThat(store.get(PATH_A)).isEmpty();
    assertThat(store.get(ROOT)).isEmpty();
  }

  @Test
  void shouldReturnNodeWhenBatchPutIt() {
    store.apply(
        new NodeBatch(Map.of(PATH_A, Bytes.of(0xc1, 0x01), ROOT, Bytes.of(0xc0)), Set.of()));

    assertThat(store.get(PATH_A)).contains(Bytes.of(0xc1, 0x01));
    assertThat(store.get(ROOT)).contains(Bytes.of(0xc0));
    assertThat(store.get(PATH_B)).isEmpty();
  }

  @Test
  void shouldOverwriteWhenPathIsWrittenAgain() {
    store.apply(new NodeBatch(Map.of(PATH_A, Bytes.of(1)), Set.of()));
    store.apply(new NodeBatch(Map.of(PATH_A, Bytes.of(2)), Set.of()));

    assertThat(store.get(PATH_A)).contains(Bytes.of(2));
  }

  @Test
  void shouldApplyPutsAndDeletesWhenInOneBatch() {
    store.apply(new NodeBatch(Map.of(PATH_A, Bytes.of(1)), Set.of()));

    store.apply(new NodeBatch(Map.of(PATH_B, Bytes.of(2)), Set.of(PATH_A)));

    assertThat(store.get(PATH_A)).isEmpty();
    assertThat(store.get(PATH_B)).contains(Bytes.of(2));
  }

  @Test
  void shouldIgnoreDeleteWhenPathIsAbsent() {
    store.apply(new NodeBatch(Map.of(), Set.of(PATH_A)));

    assertThat(store.get(PATH_A)).isEmpty();
  }

  @Test
  void shouldServeTrieWhenCommitsAreAppliedAndStaleNodesDropped() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    Map<Bytes, Bytes> model = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      Bytes key = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i}));
      trie.put(key, Bytes.of(1, i));
      model.put(key, Bytes.of(1, i));
    }
    store.apply(trie.commit());
    MerklePatriciaTrie loaded = MerklePatriciaTrie.load(trie.rootHash(), store);
    for (int i = 0; i < 200; i += 3) {
      Bytes key = Bytes.wrap(Keccak.keccak256(new byte[] {(byte) i}));
      loaded.remove(key);
      model.remove(key);
    }
    store.apply(loaded.commit());

    MerklePatriciaTrie reopened = MerklePatriciaTrie.load(loaded.rootHash(), store);
    model.forEach((k, v) -> assertThat(reopened.get(k)).contains(v));
    MerklePatriciaTrie scratch = MerklePatriciaTrie.create();
    model.forEach(scratch::put);
    for (Map.Entry<Bytes, Bytes> live : scratch.commit().puts().entrySet()) {
      assertThat(store.get(live.getKey())).contains(live.getValue());
    }
    assertThat(reopened.rootHash()).isEqualTo(scratch.rootHash());
  }
}
