package org.megaeth.trie.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.types.Hash;
import org.megaeth.core.util.Hex;
import org.megaeth.testsupport.Fixtures;
import org.megaeth.trie.patricia.MerklePatriciaTrie;
import org.megaeth.trie.patricia.SecureMerklePatriciaTrie;

/**
 * Runs every case of ethereum/tests {@code TrieTests}: one dynamic test per case, named by file and
 * case. Each case is checked three ways: operations one by one, the same operations as one batch,
 * and the batch with a parallel executor; all must give the expected root.
 */
class TrieReferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  @AfterAll
  static void shutdown() {
    POOL.shutdown();
  }

  @TestFactory
  Stream<DynamicTest> shouldComputeExpectedRootWhenRunningTrieTests() throws Exception {
    return Fixtures.dynamicTests("ethereum-tests/TrieTests", TrieReferenceTest::casesIn);
  }

  private static Stream<DynamicTest> casesIn(Path dir) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path file : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        JSON.readTree(file.toFile())
            .properties()
            .forEach(
                e ->
                    tests.add(
                        DynamicTest.dynamicTest(
                            name + " / " + e.getKey(),
                            () -> {
                              if (name.startsWith("trietestnextprev")) {
                                runNextPrev(e.getValue());
                              } else {
                                runRootCase(name, e.getValue());
                              }
                            })));
      }
    }
    assertThat(tests).hasSize(26);
    return tests.stream();
  }

  private static void runRootCase(String file, JsonNode testCase) {
    boolean secure = file.toLowerCase().contains("securetrie");
    List<Map.Entry<Bytes, Bytes>> ops = new ArrayList<>();
    JsonNode in = testCase.get("in");
    if (in.isArray()) {
      for (JsonNode pair : in) {
        ops.add(Map.entry(bytes(pair.get(0)), bytes(pair.get(1))));
      }
    } else {
      in.properties().forEach(e -> ops.add(Map.entry(bytes(e.getKey()), bytes(e.getValue()))));
    }
    Hash expected = Hash.fromHex(testCase.get("root").asText());
    Map<Bytes, Bytes> batch = new LinkedHashMap<>();
    ops.forEach(op -> batch.put(op.getKey(), op.getValue()));

    if (secure) {
      SecureMerklePatriciaTrie oneByOne = SecureMerklePatriciaTrie.create();
      ops.forEach(op -> oneByOne.put(op.getKey(), op.getValue()));
      SecureMerklePatriciaTrie batched = SecureMerklePatriciaTrie.create();
      batched.apply(batch);
      SecureMerklePatriciaTrie parallel = SecureMerklePatriciaTrie.create();
      parallel.apply(batch, POOL);
      assertThat(oneByOne.rootHash()).isEqualTo(expected);
      assertThat(batched.rootHash()).isEqualTo(expected);
      assertThat(parallel.rootHash(POOL)).isEqualTo(expected);
    } else {
      MerklePatriciaTrie oneByOne = MerklePatriciaTrie.create();
      ops.forEach(op -> oneByOne.put(op.getKey(), op.getValue()));
      MerklePatriciaTrie batched = MerklePatriciaTrie.create();
      batched.apply(batch);
      MerklePatriciaTrie parallel = MerklePatriciaTrie.create();
      parallel.apply(batch, POOL);
      assertThat(oneByOne.rootHash()).isEqualTo(expected);
      assertThat(batched.rootHash()).isEqualTo(expected);
      assertThat(parallel.rootHash(POOL)).isEqualTo(expected);
    }
  }

  /** Iteration order: for each probe, the keys just before and just after it ("" for none). */
  private static void runNextPrev(JsonNode testCase) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.create();
    for (JsonNode key : testCase.get("in")) {
      Bytes k = utf8(key.asText());
      trie.put(k, k);
    }
    List<Bytes> ordered = new ArrayList<>();
    trie.forEach((k, v) -> ordered.add(k));
    for (JsonNode probe : testCase.get("tests")) {
      Bytes key = utf8(probe.get(0).asText());
      Optional<Bytes> prev =
          ordered.stream().filter(k -> lexCompare(k, key) < 0).reduce((a, b) -> b);
      Optional<Bytes> next = ordered.stream().filter(k -> lexCompare(k, key) > 0).findFirst();
      assertThat(prev.orElse(Bytes.EMPTY))
          .as("before %s", key)
          .isEqualTo(utf8(probe.get(1).asText()));
      assertThat(next.orElse(Bytes.EMPTY))
          .as("after %s", key)
          .isEqualTo(utf8(probe.get(2).asText()));
    }
  }

  private static int lexCompare(Bytes a, Bytes b) {
    return Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe());
  }

  /** As geth's runner: {@code 0x}-prefixed strings are hex, others UTF-8, null deletes. */
  private static Bytes bytes(JsonNode node) {
    return node == null || node.isNull() ? Bytes.EMPTY : bytes(node.asText());
  }

  private static Bytes bytes(String s) {
    return s.startsWith("0x") ? Bytes.wrap(Hex.decode(s)) : utf8(s);
  }

  private static Bytes utf8(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
