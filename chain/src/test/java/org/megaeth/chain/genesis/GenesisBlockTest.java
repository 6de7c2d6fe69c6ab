package org.megaeth.chain.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.chain.exec.SystemCalls;
import org.megaeth.chain.store.ChainFileReader;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.config.genesis.GenesisLoader;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.testsupport.Fixtures;
import org.megaeth.trie.patricia.MerklePatriciaTrie;

class GenesisBlockTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The execution-apis chain: a Homestead genesis whose hash its first block names as parent. */
  @Test
  void shouldGiveTheHashGethComputesForTheExecutionApisGenesis() throws Exception {
    Path tests = Fixtures.require("execution-apis/tests");
    Genesis genesis = GenesisLoader.load(tests.resolve("genesis.json"));

    GenesisBlock block = GenesisBlock.of(genesis);

    Block first;
    try (ChainFileReader reader = ChainFileReader.open(tests.resolve("chain.rlp"))) {
      first = reader.next().orElseThrow();
    }
    assertThat(first.number()).isEqualTo(1);
    assertThat(block.hash()).isEqualTo(first.header().parentHash());
    assertThat(block.hash())
        .isEqualTo(
            Hash.fromHex("0x44fd89d504659cd58f48f4796b77a7e7012cf296a2409afa2f6c3cb99b5b3d99"));
    assertThat(block.header().baseFeePerGas()).isEmpty();
    assertThat(block.block().body().withdrawals()).isEmpty();
  }

  /**
   * Cancun genesis blocks of the BlockchainTests, rebuilt from their {@code pre} state and header
   * values written as a geth genesis: the same hash, so the Cancun fields are the ones geth writes.
   */
  @TestFactory
  Stream<DynamicTest> shouldGiveTheHashOfEveryCancunBlockchainTestGenesis() throws Exception {
    return Fixtures.dynamicTests(
        "ethereum-tests/BlockchainTests/ValidBlocks",
        root ->
            Stream.of("bcExample", "bcEIP4844-blobtransactions", "bcEIP1559", "bcStateTests")
                .map(root::resolve)
                .flatMap(GenesisBlockTest::jsonFiles)
                .map(
                    file ->
                        DynamicTest.dynamicTest(
                            root.relativize(file).toString(), () -> checkGenesisHashes(file))));
  }

  private static Stream<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void checkGenesisHashes(Path file) throws Exception {
    JsonNode tests = JSON.readTree(file.toFile());
    for (Map.Entry<String, JsonNode> test : tests.properties()) {
      JsonNode header = test.getValue().get("genesisBlockHeader");
      Genesis genesis =
          GenesisLoader.parse(
              gethGenesis(test.getValue().get("pre"), header).toString(), test.getKey());

      GenesisBlock block = GenesisBlock.of(genesis);

      assertThat(block.header().stateRoot())
          .as(test.getKey())
          .isEqualTo(Hash.fromHex(header.get("stateRoot").asText()));
      assertThat(block.hash())
          .as(test.getKey())
          .isEqualTo(Hash.fromHex(header.get("hash").asText()));
    }
  }

  /** A geth genesis.json with every fork through Cancun at genesis, from a test's values. */
  private static ObjectNode gethGenesis(JsonNode pre, JsonNode header) {
    ObjectNode genesis = JSON.createObjectNode();
    ObjectNode config = genesis.putObject("config");
    config.put("chainId", 1);
    for (String fork :
        List.of(
            "homesteadBlock",
            "eip150Block",
            "eip155Block",
            "eip158Block",
            "byzantiumBlock",
            "constantinopleBlock",
            "petersburgBlock",
            "istanbulBlock",
            "berlinBlock",
            "londonBlock",
            "mergeNetsplitBlock",
            "shanghaiTime",
            "cancunTime")) {
      config.put(fork, 0);
    }
    config.put("terminalTotalDifficulty", 0);
    for (String field :
        List.of(
            "nonce",
            "timestamp",
            "extraData",
            "gasLimit",
            "difficulty",
            "mixHash",
            "coinbase",
            "number",
            "gasUsed",
            "parentHash",
            "baseFeePerGas",
            "excessBlobGas",
            "blobGasUsed")) {
      genesis.set(field, header.get(field));
    }
    ObjectNode alloc = genesis.putObject("alloc");
    pre.properties().forEach(account -> alloc.set(account.getKey(), account.getValue()));
    return genesis;
  }

  @Test
  void shouldHaveTheFieldsOfTheForkAtGenesis() throws Exception {
    BlockHeader london = header("\"londonBlock\": 0");
    BlockHeader shanghai = header("\"londonBlock\": 0, " + MERGED + ", \"shanghaiTime\": 0");
    BlockHeader prague =
        header(
            "\"londonBlock\": 0, "
                + MERGED
                + ", \"shanghaiTime\": 0, \"cancunTime\": 0, \"pragueTime\": 0");

    // EIP-1559's initial base fee when the file gives none; nothing of later forks.
    assertThat(london.baseFeePerGas()).contains(UInt256.valueOf(1_000_000_000L));
    assertThat(london.withdrawalsRoot()).isEmpty();
    assertThat(shanghai.withdrawalsRoot()).contains(MerklePatriciaTrie.EMPTY_TRIE_ROOT);
    assertThat(shanghai.blobGasUsed()).isEmpty();
    assertThat(prague.blobGasUsed()).contains(0L);
    assertThat(prague.excessBlobGas()).contains(0L);
    assertThat(prague.parentBeaconBlockRoot()).contains(Hash.ZERO);
    // EIP-7685: sha256 of nothing, the hash of a block without requests.
    assertThat(prague.requestsHash())
        .contains(
            Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        .contains(SystemCalls.requestsHash(List.of()));
  }

  @Test
  void shouldCarryAnEmptyWithdrawalsListFromShanghaiOn() throws Exception {
    Genesis genesis =
        GenesisLoader.parse(
            genesisJson("\"londonBlock\": 0, " + MERGED + ", \"shanghaiTime\": 0"), "shanghai");

    Block block = GenesisBlock.of(genesis).block();

    assertThat(block.body().withdrawals()).isEqualTo(Optional.of(List.of()));
    assertThat(Block.decode(block.encode())).isEqualTo(block);
  }

  @Test
  void shouldBuildTheStateFromTheAllocAndAFreshCopyEachTime() throws Exception {
    Genesis genesis = GenesisLoader.parse(genesisJson("\"londonBlock\": 0"), "alloc");
    GenesisBlock block = GenesisBlock.of(genesis);
    var state = GenesisBlock.state(genesis);

    assertThat(state.rootHash()).isEqualTo(block.header().stateRoot());
    assertThat(state).isNotSameAs(block.state());
    assertThat(state.getStorage(ACCOUNT, UInt256.ONE)).isEqualTo(UInt256.valueOf(0x2a));
    assertThat(state.getCode(ACCOUNT).toHexString()).isEqualTo("0x6001");
    assertThat(state.getAccount(ACCOUNT).orElseThrow().nonce()).isEqualTo(3);
  }

  private static final String MERGED = "\"mergeNetsplitBlock\": 0, \"terminalTotalDifficulty\": 0";
  private static final org.megaeth.core.types.Address ACCOUNT =
      org.megaeth.core.types.Address.fromHex("0x00000000000000000000000000000000000000aa");

  private static BlockHeader header(String forks) throws Exception {
    return GenesisBlock.of(GenesisLoader.parse(genesisJson(forks), "test")).header();
  }

  private static String genesisJson(String forks) {
    return """
        {
          "config": { "chainId": 7, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0,
            "eip158Block": 0, "byzantiumBlock": 0, "constantinopleBlock": 0,
            "petersburgBlock": 0, "istanbulBlock": 0, "berlinBlock": 0, %s },
          "gasLimit": "0x1c9c380",
          "difficulty": "0x0",
          "alloc": {
            "00000000000000000000000000000000000000aa": {
              "balance": "0x10", "nonce": "0x3", "code": "0x6001",
              "storage": { "0x01": "0x2a", "0x02": "0x00" }
            }
          }
        }
        """
        .formatted(forks);
  }
}
