package org.megaeth.trie.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class InMemoryNodeStoreTest extends NodeStoreContractTest {
  @Override
  protected NodeStore createStore() {
    return new InMemoryNodeStore();
  }

  @Test
  void shouldCountOnlyLiveEntriesWhenPathsAreDeleted() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.apply(
        new NodeBatch(Map.of(Bytes.of(1), Bytes.of(1), Bytes.of(2), Bytes.of(2)), Set.of()));
    store.apply(new NodeBatch(Map.of(), Set.of(Bytes.of(1))));

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.snapshot()).containsOnlyKeys(Bytes.of(2));
  }
}
