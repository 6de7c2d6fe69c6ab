package org.megaeth.trie.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.testsupport.Fixtures;
import org.megaeth.trie.state.WorldState;

/**
 * The world state's root over real states: for every ethereum/tests blockchain test, the {@code
 * pre} allocation must hash to the genesis header's {@code stateRoot}, and {@code postState} (when
 * given in full) to the head block's. Checks account and storage encoding (nonce, balance, code
 * hash, trimmed slot values) end to end; one test per fixture test.
 */
class StateRootReferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> shouldMatchHeaderStateRootsWhenBuildingPreAndPostState() throws Exception {
    return Fixtures.dynamicTests("ethereum-tests/BlockchainTests", StateRootReferenceTest::testsIn);
  }

  private static Stream<DynamicTest> testsIn(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> paths = Files.walk(dir)) {
      files = paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      String name = dir.relativize(file).toString();
      JSON.readTree(file.toFile())
          .properties()
          .forEach(
              e ->
                  tests.add(
                      DynamicTest.dynamicTest(
                          name + " / " + e.getKey(), () -> runTest(e.getValue()))));
    }
    return tests.stream();
  }

  private static void runTest(JsonNode test) {
    Hash genesisRoot = Hash.fromHex(test.get("genesisBlockHeader").get("stateRoot").asText());
    assertThat(root(test.get("pre"))).as("pre").isEqualTo(genesisRoot);
    JsonNode post = test.get("postState");
    if (post != null) {
      assertThat(root(post)).as("postState").isEqualTo(headStateRoot(test));
    }
  }

  /** The state root of the head block ({@code lastblockhash}), which {@code postState} is. */
  private static Hash headStateRoot(JsonNode test) {
    String head = test.get("lastblockhash").asText();
    if (test.get("genesisBlockHeader").get("hash").asText().equals(head)) {
      return Hash.fromHex(test.get("genesisBlockHeader").get("stateRoot").asText());
    }
    for (JsonNode block : test.get("blocks")) {
      JsonNode header = block.get("blockHeader");
      if (header != null && header.get("hash").asText().equals(head)) {
        return Hash.fromHex(header.get("stateRoot").asText());
      }
    }
    throw new AssertionError("head block " + head + " not found");
  }

  private static Hash root(JsonNode alloc) {
    WorldState state = WorldState.create();
    alloc
        .properties()
        .forEach(
            e -> {
              Address address = Address.fromHex(e.getKey());
              JsonNode account = e.getValue();
              state.setNonce(
                  address, UInt256.fromHexString(account.get("nonce").asText()).toLongExact());
              state.setBalance(
                  address, Wei.of(UInt256.fromHexString(account.get("balance").asText())));
              state.setCode(address, Bytes.wrap(Hex.decode(account.get("code").asText())));
              account
                  .get("storage")
                  .properties()
                  .forEach(
                      slot ->
                          state.setStorage(
                              address,
                              UInt256.fromHexString(slot.getKey()),
                              UInt256.fromHexString(slot.getValue().asText())));
            });
    return state.computeRoot();
  }
}
