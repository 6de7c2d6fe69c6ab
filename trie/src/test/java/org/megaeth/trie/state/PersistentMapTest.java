package org.megaeth.trie.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PersistentMapTest {
  /** A key with a chosen hash code, so that collisions at every level can be forced. */
  record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** One operation: put (value >= 0) or remove (value < 0) of key {@code id}. */
  record Op(int id, int value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Arbitraries.integers()
        .between(0, 300)
        .flatMap(id -> Arbitraries.integers().between(-3, 10).map(value -> new Op(id, value)))
        .list()
        .ofMaxSize(600);
  }

  @Property(tries = 300)
  void shouldMatchHashMapAndKeepOldVersionsWhenRandomOpsAreApplied(
      @ForAll("ops") List<Op> ops, @ForAll boolean fewHashes) {
    PersistentMap<Key, Integer> map = PersistentMap.empty();
    Map<Key, Integer> model = new HashMap<>();
    List<PersistentMap<Key, Integer>> versions = new ArrayList<>();
    List<Map<Key, Integer>> models = new ArrayList<>();
    for (Op op : ops) {
      // With few distinct hashes most keys collide fully and end in collision nodes.
      Key key = new Key(op.id(), fewHashes ? op.id() % 7 : op.id() * 0x9E3779B9);
      if (op.value() < 0) {
        map = map.remove(key);
        model.remove(key);
      } else {
        map = map.put(key, op.value());
        model.put(key, op.value());
      }
      versions.add(map);
      models.add(new HashMap<>(model));
    }
    for (int v = 0; v < versions.size(); v++) {
      assertEquals(versions.get(v), models.get(v));
    }
  }

  private static void assertEquals(PersistentMap<Key, Integer> map, Map<Key, Integer> model) {
    assertThat(map.size()).isEqualTo(model.size());
    Map<Key, Integer> seen = new HashMap<>();
    map.forEach(seen::put);
    assertThat(seen).isEqualTo(model);
    for (int id = 0; id <= 300; id++) {
      for (Key key : List.of(new Key(id, id % 7), new Key(id, id * 0x9E3779B9))) {
        assertThat(map.get(key)).isEqualTo(model.get(key));
      }
    }
  }

  @Test
  void shouldReturnSameMapWhenNothingChanges() {
    Integer one = 1;
    PersistentMap<String, Integer> map = PersistentMap.<String, Integer>empty().put("a", one);

    assertThat(map.put("a", one)).isSameAs(map);
    assertThat(map.remove("b")).isSameAs(map);
    assertThat(map.remove("a").size()).isZero();
  }

  @Test
  void shouldHoldManyEntriesWhenKeysAreSpread() {
    PersistentMap<Integer, Integer> map = PersistentMap.empty();
    for (int i = 0; i < 100_000; i++) {
      map = map.put(i, i);
    }
    PersistentMap<Integer, Integer> half = map;
    for (int i = 0; i < 100_000; i += 2) {
      half = half.remove(i);
    }

    assertThat(map.size()).isEqualTo(100_000);
    assertThat(half.size()).isEqualTo(50_000);
    for (int i = 0; i < 100_000; i++) {
      assertThat(map.get(i)).isEqualTo(i);
      assertThat(half.get(i)).isEqualTo(i % 2 == 0 ? null : i);
    }
  }
}
