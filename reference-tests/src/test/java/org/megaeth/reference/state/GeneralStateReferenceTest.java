package org.megaeth.reference.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.block.Log;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;
import org.megaeth.testsupport.Fixtures;

/**
 * ethereum/tests GeneralStateTests, Cancun cases: one dynamic test per (file, test, case). Each
 * case decodes {@code txbytes}, runs it through the {@link TransactionProcessor} over an {@link
 * InMemoryWorldState} built from {@code pre}, and checks the logs hash and the post-state root
 * (computed with the node's trie), or that the transaction is refused when an exception is
 * expected.
 *
 * <p>Every Cancun case of every suite runs by default; {@code
 * -Dmegaeth.stateTests=stSStoreTest,VMTests/vmPerformance} runs only the named suite folders.
 */
class GeneralStateReferenceTest {
  private static final String ROOT = "ethereum-tests/GeneralStateTests";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long CHAIN_ID = 1;

  /** Cases known not to pass, with the reason; this list only shrinks. */
  private static final Map<String, String> IGNORED = Map.of();

  private static final TransactionProcessor PROCESSOR =
      new TransactionProcessor(EvmSpec.of(Fork.CANCUN), new CodeCache(4096));

  @TestFactory
  Stream<DynamicTest> cancunStateTests() throws Exception {
    return Fixtures.dynamicTests(ROOT, GeneralStateReferenceTest::casesIn);
  }

  private static Stream<DynamicTest> casesIn(Path root) throws IOException {
    String selection = System.getProperty("megaeth.stateTests", "");
    List<Path> suites = new ArrayList<>();
    if (selection.isBlank() || selection.equals("all")) {
      try (Stream<Path> list = Files.list(root)) {
        list.filter(Files::isDirectory).sorted().forEach(suites::add);
      }
      try (Stream<Path> list = Files.list(root.resolve("VMTests"))) {
        list.filter(Files::isDirectory).sorted().forEach(suites::add);
      }
      suites.removeIf(p -> p.getFileName().toString().equals("VMTests"));
    } else {
      for (String name : selection.split(",")) {
        suites.add(root.resolve(name));
      }
    }
    List<Path> files = new ArrayList<>();
    for (Path suite : suites) {
      try (Stream<Path> walk = Files.walk(suite)) {
        walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    return files.stream().flatMap(file -> casesOf(root, file));
  }

  private static Stream<DynamicTest> casesOf(Path root, Path file) {
    JsonNode tests;
    try {
      tests = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<DynamicTest> out = new ArrayList<>();
    String relative = root.relativize(file).toString();
    for (Iterator<Map.Entry<String, JsonNode>> it = tests.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> test = it.next();
      JsonNode cases = test.getValue().path("post").path("Cancun");
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        JsonNode idx = c.get("indexes");
        String name =
            "%s %s d%d g%d v%d"
                .formatted(
                    relative,
                    test.getKey(),
                    idx.get("data").asInt(),
                    idx.get("gas").asInt(),
                    idx.get("value").asInt());
        JsonNode testNode = test.getValue();
        if (IGNORED.containsKey(name)) {
          continue;
        }
        out.add(DynamicTest.dynamicTest(name, () -> runCase(name, testNode, c)));
      }
    }
    return out.stream();
  }

  static void runCase(String name, JsonNode test, JsonNode c) {
    InMemoryWorldState state = preState(test.get("pre"));
    BlockEnv block = blockEnv(test.get("env"));
    boolean expectException = c.has("expectException");
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(Bytes.fromHexString(c.get("txbytes").asText()));
    } catch (RuntimeException e) {
      assertThat(expectException).as("%s: undecodable txbytes: %s", name, e.getMessage()).isTrue();
      return;
    }
    TransactionResult result = PROCESSOR.validateAndProcess(state, block, tx, null);
    if (result instanceof TransactionResult.Invalid invalid) {
      assertThat(expectException)
          .as("%s: refused (%s) but no exception expected", name, invalid.reason().message())
          .isTrue();
      return;
    }
    assertThat(expectException)
        .as("%s: executed but expected %s", name, c.path("expectException").asText())
        .isFalse();
    TransactionResult.Executed executed = (TransactionResult.Executed) result;
    assertThat(logsHash(executed.logs()).toHexString())
        .as("%s: logs hash", name)
        .isEqualTo(c.get("logs").asText());
    assertThat(StateRoot.of(state).toHexString())
        .as(
            "%s: state root (success %s, gas used %d, halt %s)",
            name, executed.success(), executed.gasUsed(), executed.haltReason())
        .isEqualTo(c.get("hash").asText());
  }

  static Hash logsHash(List<Log> logs) {
    Bytes encoded = Rlp.encodeList(w -> logs.forEach(log -> log.writeTo(w)));
    return Keccak.hash(encoded);
  }

  static InMemoryWorldState preState(JsonNode pre) {
    InMemoryWorldState state = new InMemoryWorldState();
    for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> storage = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> s = a.path("storage").fields(); s.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = s.next();
        storage.put(
            UInt256.fromHexString(slot.getKey()), UInt256.fromHexString(slot.getValue().asText()));
      }
      state.putAccount(
          Address.fromHex(e.getKey().toLowerCase()),
          UInt256.fromHexString(a.get("nonce").asText()).u0(),
          UInt256.fromHexString(a.get("balance").asText()),
          Hex.decodeLenient(a.get("code").asText()),
          storage);
    }
    return state;
  }

  static BlockEnv blockEnv(JsonNode env) {
    long excess = UInt256.fromHexString(env.path("currentExcessBlobGas").asText("0x0")).u0();
    return new BlockEnv(
        Address.fromHex(env.get("currentCoinbase").asText().toLowerCase()),
        number(env.get("currentNumber")),
        number(env.get("currentTimestamp")),
        number(env.get("currentGasLimit")),
        Hash.wrap(UInt256.fromHexString(env.path("currentRandom").asText("0x0")).toBytes32()),
        UInt256.fromHexString(env.path("currentBaseFee").asText("0x0")),
        BlockEnv.blobBaseFee(excess, BlockEnv.BLOB_BASE_FEE_UPDATE_FRACTION_CANCUN),
        CHAIN_ID,
        n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  private static long number(JsonNode node) {
    UInt256 v = UInt256.fromHexString(node.asText());
    return v.fitsLong() ? v.u0() : Long.MAX_VALUE;
  }
}
