package org.megaeth.reference.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.testsupport.Fixtures;

/**
 * ethereum/tests TransactionTests: one dynamic test per (file, test, fork) for the forks the node
 * runs. A case either names an exception, and then decoding or validation must refuse the bytes
 * (which check refuses them does not matter), or gives the hash, sender and intrinsic gas, which
 * must match, and the bytes must re-encode identically.
 */
class TransactionReferenceTest {
  private static final List<String> FORKS = List.of("London", "Shanghai", "Cancun");

  /** The fixtures are signed for mainnet. */
  private static final long CHAIN_ID = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Cases known not to pass, with the reason; this list only shrinks. */
  private static final Map<String, String> IGNORED = Map.of();

  @TestFactory
  Stream<DynamicTest> transactionTests() throws Exception {
    return Fixtures.dynamicTests(
        "ethereum-tests/TransactionTests", TransactionReferenceTest::transactionTestsIn);
  }

  private static Stream<DynamicTest> transactionTestsIn(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return files.stream().flatMap(file -> casesOf(root, file));
  }

  private static Stream<DynamicTest> casesOf(Path root, Path file) {
    String relative = root.relativize(file).toString().replace('\\', '/');
    JsonNode tests = readJson(file);
    Stream.Builder<DynamicTest> cases = Stream.builder();
    tests
        .properties()
        .forEach(
            test -> {
              JsonNode results = test.getValue().get("result");
              String txbytes = test.getValue().get("txbytes").asText();
              for (String forkName : FORKS) {
                if (!results.has(forkName)) {
                  continue;
                }
                JsonNode expected = results.get(forkName);
                String name = relative + " " + test.getKey() + " [" + forkName + "]";
                if (IGNORED.containsKey(name)) {
                  continue;
                }
                Fork fork = Fork.fromTestName(forkName).orElseThrow();
                cases.add(
                    DynamicTest.dynamicTest(
                        name, file.toUri(), () -> run(txbytes, fork, expected)));
              }
            });
    return cases.build();
  }

  private static void run(String txbytes, Fork fork, JsonNode expected) {
    Bytes input = Bytes.wrap(Hex.decode(txbytes));
    boolean expectsException = expected.has("exception");
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(input);
    } catch (RlpException e) {
      if (expectsException) {
        return; // refused at decoding, as expected
      }
      fail("a valid transaction did not decode: " + e.getMessage(), e);
      return;
    }
    TransactionValidity validity = TransactionValidator.validate(tx, fork, CHAIN_ID);
    if (expectsException) {
      assertThat(validity)
          .as(
              "expected %s, but the transaction decoded and validated",
              expected.get("exception").asText())
          .isInstanceOf(TransactionValidity.Invalid.class);
      return;
    }
    if (validity instanceof TransactionValidity.Invalid invalid) {
      fail("a valid transaction was refused: " + invalid.message());
      return;
    }
    TransactionValidity.Valid valid = (TransactionValidity.Valid) validity;
    assertThat(tx.hash()).as("hash").isEqualTo(Hash.fromHex(expected.get("hash").asText()));
    assertThat(valid.sender())
        .as("sender")
        .isEqualTo(Address.fromHex(expected.get("sender").asText()));
    assertThat(valid.intrinsicGas())
        .as("intrinsic gas")
        .isEqualTo(UInt256.fromHexString(expected.get("intrinsicGas").asText()).toLongExact());
    assertThat(tx.encoded()).as("re-encoding").isEqualTo(input);
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
