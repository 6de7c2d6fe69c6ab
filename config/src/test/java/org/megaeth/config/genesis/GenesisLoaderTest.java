package org.megaeth.config.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.megaeth.config.ConfigException;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.fork.ForkSchedule;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.testsupport.Fixtures;

class GenesisLoaderTest {
  static final String EXECUTION_APIS = "execution-apis-genesis.json";

  @TempDir Path dir;

  static String resource(String name) {
    try (InputStream in = GenesisLoaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Genesis parse(String json) throws ConfigException {
    return GenesisLoader.parse(json, "genesis.json");
  }

  /** A small valid genesis with {@code extra} spliced into its top level. */
  private static String minimal(String extra) {
    return """
        {"config": {"chainId": 1, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0,
          "eip158Block": 0, "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0,
          "istanbulBlock": 0, "berlinBlock": 0, "londonBlock": 0, "terminalTotalDifficulty": 0,
          "shanghaiTime": 0, "cancunTime": 0},
         "gasLimit": "0x1c9c380" %s}
        """
        .formatted(extra);
  }

  @Test
  void shouldReadEveryFieldOfTheExecutionApisGenesis() throws ConfigException {
    Genesis genesis = parse(resource(EXECUTION_APIS));

    assertThat(genesis.chainId()).isEqualTo(3503995874084926L);
    ForkSchedule forks = genesis.forks();
    assertThat(forks.activationBlock(Fork.HOMESTEAD)).contains(0L);
    assertThat(forks.activationBlock(Fork.TANGERINE_WHISTLE)).contains(3L);
    assertThat(forks.activationBlock(Fork.SPURIOUS_DRAGON)).contains(6L);
    assertThat(forks.activationBlock(Fork.BYZANTIUM)).contains(9L);
    assertThat(forks.activationBlock(Fork.CONSTANTINOPLE)).contains(12L);
    assertThat(forks.activationBlock(Fork.PETERSBURG)).contains(15L);
    assertThat(forks.activationBlock(Fork.ISTANBUL)).contains(18L);
    assertThat(forks.activationBlock(Fork.BERLIN)).contains(24L);
    assertThat(forks.activationBlock(Fork.LONDON)).contains(27L);
    assertThat(forks.activationBlock(Fork.PARIS)).contains(36L);
    assertThat(forks.activationTimestamp(Fork.SHANGHAI)).contains(390L);
    assertThat(forks.activationTimestamp(Fork.CANCUN)).contains(420L);
    assertThat(forks.activationTimestamp(Fork.PRAGUE)).contains(450L);
    assertThat(forks.activationTimestamp(Fork.OSAKA)).contains(480L);
    assertThat(genesis.config().forkAt(30, 100)).isEqualTo(Fork.LONDON);
    assertThat(genesis.config().forkAt(40, 430)).isEqualTo(Fork.CANCUN);
    assertThat(genesis.terminalTotalDifficulty()).contains(UInt256.valueOf(4732352));
    assertThat(genesis.blobSchedule()).containsKeys("cancun", "prague", "osaka", "bpo1", "bpo2");
    assertThat(genesis.blobParams(Fork.CANCUN)).contains(BlobParams.CANCUN);
    assertThat(genesis.blobParams(Fork.PRAGUE)).contains(BlobParams.PRAGUE);
    assertThat(genesis.blobSchedule().get("bpo2")).isEqualTo(new BlobParams(14, 21, 11684671));

    assertThat(genesis.nonce()).isZero();
    assertThat(genesis.timestamp()).isZero();
    assertThat(new String(genesis.extraData().toArray(), StandardCharsets.US_ASCII))
        .isEqualTo("hivechain");
    assertThat(genesis.gasLimit()).isEqualTo(100_000_000L);
    assertThat(genesis.difficulty()).isEqualTo(UInt256.valueOf(0x20000));
    assertThat(genesis.mixHash()).isEqualTo(Hash.ZERO);
    assertThat(genesis.coinbase()).isEqualTo(Address.ZERO);
    assertThat(genesis.number()).isZero();
    assertThat(genesis.parentHash()).isEqualTo(Hash.ZERO);
    assertThat(genesis.baseFeePerGas()).isEmpty();
    assertThat(genesis.excessBlobGas()).isEmpty();
    assertThat(genesis.forkAtGenesis()).isEqualTo(Fork.HOMESTEAD);
    assertThat(genesis.baseFeeAtGenesis()).isEmpty();

    assertThat(genesis.alloc()).hasSize(27);
    GenesisAccount funded =
        genesis.alloc().get(Address.fromHex("0x0c2c51a0990aee1d73c1228de158688341557508"));
    assertThat(funded.balance())
        .isEqualTo(Wei.of(UInt256.fromHexString("0xc097ce7bc90715b34b9f1000000000")));
    assertThat(funded.code().isEmpty()).isTrue();
    GenesisAccount withStorage =
        genesis.alloc().get(Address.fromHex("0x8bebc8ba651aee624937e7d897853ac30c95a067"));
    assertThat(withStorage.nonce()).isEqualTo(1);
    assertThat(withStorage.storage())
        .containsEntry(UInt256.valueOf(1), UInt256.valueOf(1))
        .containsEntry(UInt256.valueOf(3), UInt256.valueOf(3))
        .hasSize(3);
    GenesisAccount beaconRoots =
        genesis.alloc().get(Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02"));
    assertThat(beaconRoots.code().size()).isEqualTo(97);
    assertThat(beaconRoots.balance()).isEqualTo(Wei.of(42));
  }

  @Test
  void shouldMatchTheSharedFixtureWhenItIsPresent() throws ConfigException {
    Path shared = Fixtures.require("execution-apis/tests/genesis.json");

    assertThat(GenesisLoader.load(shared)).isEqualTo(parse(resource(EXECUTION_APIS)));
  }

  @Test
  void shouldAcceptHexDecimalStringsAndJsonNumbersAsGethDoes() throws ConfigException {
    Genesis genesis =
        parse(
            minimal(
                """
                , "timestamp": 1700000000, "nonce": "66", "difficulty": "0x0",
                "baseFeePerGas": 7, "excessBlobGas": "0x20000", "blobGasUsed": "131072",
                "alloc": {"0x1000000000000000000000000000000000000001": {
                  "balance": 100000000000000000000000000000000000000, "nonce": "0x2"}}
                """));

    assertThat(genesis.timestamp()).isEqualTo(1_700_000_000L);
    assertThat(genesis.nonce()).isEqualTo(66);
    assertThat(genesis.baseFeePerGas()).contains(Wei.of(7));
    assertThat(genesis.excessBlobGas()).contains(131072L);
    assertThat(genesis.blobGasUsed()).contains(131072L);
    GenesisAccount account = genesis.alloc().values().iterator().next();
    assertThat(account.balance().toBigInteger())
        .isEqualTo(new BigInteger("100000000000000000000000000000000000000"));
    assertThat(account.nonce()).isEqualTo(2);
  }

  @Test
  void shouldAcceptAllocAddressesWithOrWithoutPrefixInAnyCase() throws ConfigException {
    Genesis genesis =
        parse(
            minimal(
                """
                , "alloc": {
                  "f39Fd6e51aad88F6F4ce6aB8827279cffFb92266": {"balance": "1"},
                  "0x70997970C51812DC3A010C7D01B50E0D17DC79C8": {"balance": "2"},
                  "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc": {"balance": "3",
                    "code": "0x6001", "storage": {"0x01": "0x02", "0xff": "0x00"}}}
                """));

    assertThat(genesis.alloc())
        .containsKeys(
            Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
            Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
            Address.fromHex("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"));
    GenesisAccount contract =
        genesis.alloc().get(Address.fromHex("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"));
    assertThat(contract.code()).isEqualTo(Bytes.fromHexString("0x6001"));
    assertThat(contract.storage())
        .containsEntry(UInt256.valueOf(1), UInt256.valueOf(2))
        .containsEntry(UInt256.valueOf(255), UInt256.ZERO);
  }

  @Test
  void shouldScheduleParisAtGenesisWhenTerminalTotalDifficultyIsZero() throws ConfigException {
    Genesis genesis = parse(minimal(""));

    assertThat(genesis.forks().activationBlock(Fork.PARIS)).contains(0L);
    assertThat(genesis.forkAtGenesis()).isEqualTo(Fork.CANCUN);
    assertThat(genesis.baseFeeAtGenesis()).contains(Genesis.INITIAL_BASE_FEE);
    assertThat(genesis.excessBlobGasAtGenesis()).contains(0L);
    assertThat(genesis.blobGasUsedAtGenesis()).contains(0L);
    assertThat(genesis.alloc()).isEmpty();
  }

  @Test
  void shouldActivatePetersburgWithConstantinopleWhenItIsNotGiven() throws ConfigException {
    Genesis genesis =
        parse(
            """
            {"config": {"chainId": 5, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0,
              "eip158Block": 0, "byzantiumBlock": 0, "constantinopleBlock": 7,
              "muirGlacierBlock": 99, "clique": {"period": 15}},
             "gasLimit": 5000, "alloc": {}}
            """);

    assertThat(genesis.forks().activationBlock(Fork.PETERSBURG)).contains(7L);
    assertThat(genesis.forks().activationBlock(Fork.ISTANBUL)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "balance not a number | , \"alloc\": {\"0x71562b71999873db5b286df957af199ec94617f7\":"
            + " {\"balance\": \"12x\"}} | alloc.0x71562b71999873db5b286df957af199ec94617f7.balance:"
            + " not a number: \"12x\"",
        "negative balance | , \"alloc\": {\"71562b71999873db5b286df957af199ec94617f7\": {\"balance\":"
            + " -1}} | alloc.71562b71999873db5b286df957af199ec94617f7.balance: must not be"
            + " negative: -1",
        "float number | , \"timestamp\": 1.5 | timestamp: not an integer: 1.5",
        "hex with no digits | , \"nonce\": \"0x\" | nonce: not a number: \"0x\"",
        "signed decimal | , \"number\": \"+5\" | number: not a number: \"+5\"",
        "over 64 bits | , \"timestamp\": \"0xffffffffffffffff\" | timestamp: out of range:"
            + " 18446744073709551615 is above 9223372036854775807",
        "over 256 bits | , \"difficulty\": \"0x10000000000000000000000000000000000000000000000000000000000000000\" |"
            + " difficulty: does not fit in 256 bits: \"0x10000000000000000000000000000000000000000000000000000000000000000\"",
        "number of wrong type | , \"baseFeePerGas\": true | baseFeePerGas: expected a number, got a"
            + " boolean",
        "bad code | , \"alloc\": {\"0x1000000000000000000000000000000000000001\": {\"code\":"
            + " \"0x60zz\"}} | alloc.0x1000000000000000000000000000000000000001.code: hex string"
            + " \"0x60zz\" has a non-hex character 'z' at position 4",
        "short hash | , \"mixHash\": \"0x1234\" | mixHash: hex string \"0x1234\" is 2 bytes,"
            + " expected 32",
        "bad coinbase | , \"coinbase\": 5 | coinbase: expected an address string, got a number",
        "bad alloc address | , \"alloc\": {\"0x12\": {}} | alloc.0x12: not an address: hex string"
            + " \"0x12\" is 1 bytes, expected 20",
        "account not an object | , \"alloc\": {\"0x1000000000000000000000000000000000000001\": 5} |"
            + " alloc.0x1000000000000000000000000000000000000001: expected a JSON object, got a"
            + " number",
        "same account twice | , \"alloc\": {\"0xaa00000000000000000000000000000000000001\": {},"
            + " \"AA00000000000000000000000000000000000001\": {}} |"
            + " alloc.AA00000000000000000000000000000000000001: the same account as"
            + " alloc.0xaa00000000000000000000000000000000000001",
        "long storage key | , \"alloc\": {\"0x1000000000000000000000000000000000000001\":"
            + " {\"storage\": {\"0x11111111111111111111111111111111111111111111111111111111111111111\": \"0x01\"}}} |"
            + " alloc.0x1000000000000000000000000000000000000001.storage.0x11111111111111111111111111111111111111111111111111111111111111111:"
            + " not a hex word of at most 32 bytes: \"0x11111111111111111111111111111111111111111111111111111111111111111\"",
        "bad storage value | , \"alloc\": {\"0x1000000000000000000000000000000000000001\":"
            + " {\"storage\": {\"0x01\": \"x\"}}} |"
            + " alloc.0x1000000000000000000000000000000000000001.storage.0x01: not a hex word of"
            + " at most 32 bytes: \"x\"",
      })
  void shouldNameFileAndJsonPathWhenAValueIsMalformed(String name, String extra, String message) {
    assertThatThrownBy(() -> parse(minimal(extra)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("genesis.json: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "missing config | {\"gasLimit\": 1} | config: missing",
        "config not an object | {\"config\": [], \"gasLimit\": 1} | config: expected a JSON"
            + " object, got an array",
        "missing chain id | {\"config\": {}, \"gasLimit\": 1} | config.chainId: missing",
        "zero chain id | {\"config\": {\"chainId\": \"0x0\"}, \"gasLimit\": 1} | config.chainId:"
            + " must be positive, got 0",
        "missing gas limit | {\"config\": {\"chainId\": 1}} | gasLimit: missing",
        "top level array | [] | (top level): expected a JSON object, got an array",
        "fork gap | {\"config\": {\"chainId\": 1, \"homesteadBlock\": 0, \"londonBlock\": 5},"
            + " \"gasLimit\": 1} | config.londonBlock: is set but config.eip150Block is not; forks"
            + " must activate in order",
        "time fork without paris | {\"config\": {\"chainId\": 1, \"homesteadBlock\": 0,"
            + " \"eip150Block\": 0, \"eip155Block\": 0, \"eip158Block\": 0, \"byzantiumBlock\": 0,"
            + " \"constantinopleBlock\": 0, \"petersburgBlock\": 0, \"istanbulBlock\": 0,"
            + " \"berlinBlock\": 0, \"londonBlock\": 0, \"terminalTotalDifficulty\": 100,"
            + " \"shanghaiTime\": 0}, \"gasLimit\": 1} | config.shanghaiTime: is set but"
            + " config.mergeNetsplitBlock (or terminalTotalDifficulty = 0) is not; forks must"
            + " activate in order",
        "fork out of order | {\"config\": {\"chainId\": 1, \"homesteadBlock\": 10,"
            + " \"eip150Block\": 5}, \"gasLimit\": 1} | config.eip150Block: 5 is before"
            + " config.homesteadBlock (10); forks must activate in order",
        "eip155 and eip158 apart | {\"config\": {\"chainId\": 1, \"homesteadBlock\": 0,"
            + " \"eip150Block\": 0, \"eip155Block\": 1, \"eip158Block\": 2}, \"gasLimit\": 1} |"
            + " config.eip158Block: 2 differs from config.eip155Block (1); this node activates"
            + " both at once (Spurious Dragon)",
        "blob max below target | {\"config\": {\"chainId\": 1, \"blobSchedule\": {\"cancun\":"
            + " {\"target\": 6, \"max\": 3, \"baseFeeUpdateFraction\": 1}}}, \"gasLimit\": 1} |"
            + " config.blobSchedule.cancun.max: 3 is below target (6)",
        "blob entry incomplete | {\"config\": {\"chainId\": 1, \"blobSchedule\": {\"cancun\":"
            + " {\"target\": 3, \"max\": 6}}}, \"gasLimit\": 1} |"
            + " config.blobSchedule.cancun.baseFeeUpdateFraction: missing",
        "fork block not a number | {\"config\": {\"chainId\": 1, \"homesteadBlock\": \"soon\"},"
            + " \"gasLimit\": 1} | config.homesteadBlock: not a number: \"soon\"",
      })
  void shouldNameFileAndJsonPathWhenTheStructureIsWrong(String name, String json, String message) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(ConfigException.class)
        .hasMessage("genesis.json: " + message);
  }

  @Test
  void shouldGiveTheLineWhenTheJsonIsMalformed() {
    assertThatThrownBy(() -> parse("{\n  \"config\": {\"chainId\": 1},\n  \"gasLimit\": 1,,\n}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("genesis.json:3: malformed JSON at column ")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void shouldRejectAJsonKeyWrittenTwice() {
    assertThatThrownBy(() -> parse("{\"gasLimit\": 1,\n \"gasLimit\": 2}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("genesis.json:2: malformed JSON")
        .hasMessageContaining("Duplicate field 'gasLimit'");
  }

  @Test
  void shouldSayTheFileIsMissingOrEmpty() throws IOException {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> GenesisLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("genesis file " + missing + " not found");

    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    assertThatThrownBy(() -> GenesisLoader.load(empty)).hasMessage(empty + ": the file is empty");
  }

  @Test
  void shouldNameTheFilePathWhenLoadedFromDisk() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("genesis.json"),
            minimal(
                ", \"alloc\": {\"0x1000000000000000000000000000000000000001\": {\"balance\":"
                    + " \"12x\"}}"));

    assertThatThrownBy(() -> GenesisLoader.load(file))
        .hasMessage(
            file
                + ": alloc.0x1000000000000000000000000000000000000001.balance: not a number:"
                + " \"12x\"");
  }
}
