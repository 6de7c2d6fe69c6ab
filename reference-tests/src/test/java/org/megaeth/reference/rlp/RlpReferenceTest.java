package org.megaeth.reference.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.testsupport.Fixtures;

/**
 * ethereum/tests RLPTests: every valid case must encode to {@code out} and decode back to the same
 * structure; every {@code INVALID} case must be rejected by the strict decoder.
 */
class RlpReferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> rlpTests() throws Exception {
    return Fixtures.dynamicTests("ethereum-tests/RLPTests", RlpReferenceTest::rlpTestsIn);
  }

  private static Stream<DynamicTest> rlpTestsIn(Path dir) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = read(file);
        for (Map.Entry<String, JsonNode> test : root.properties()) {
          String name = dir.relativize(file) + " " + test.getKey();
          JsonNode in = test.getValue().get("in");
          Bytes out = Bytes.fromHexString(test.getValue().get("out").asText());
          tests.add(DynamicTest.dynamicTest(name, () -> run(in, out)));
        }
      }
    }
    return tests.stream();
  }

  private static void run(JsonNode in, Bytes out) {
    if (in.isTextual() && in.asText().equals("INVALID")) {
      assertThatThrownBy(() -> Rlp.decode(out, RlpReferenceTest::readTree))
          .as("decoding %s must fail", out)
          .isInstanceOf(RuntimeException.class);
      return;
    }
    Object decoded = Rlp.decode(out, RlpReferenceTest::readTree);
    assertThat(Rlp.encode(w -> writeTree(w, decoded))).isEqualTo(out);
    if (!(in.isTextual() && in.asText().equals("VALID"))) {
      assertThat(Rlp.encode(w -> writeJson(w, in))).isEqualTo(out);
    }
  }

  /** A generic decode: lists become {@code List}, strings {@code Bytes}. */
  private static Object readTree(RlpReader r) {
    return r.nextIsList() ? r.readListOf(RlpReferenceTest::readTree) : r.readBytes();
  }

  private static void writeTree(RlpWriter w, Object node) {
    if (node instanceof List<?> list) {
      w.writeList(inner -> list.forEach(item -> writeTree(inner, item)));
    } else {
      w.writeBytes((Bytes) node);
    }
  }

  /** The fixture's input: strings, numbers, "#bigint" strings and nested arrays. */
  private static void writeJson(RlpWriter w, JsonNode node) {
    if (node.isArray()) {
      w.writeList(inner -> node.forEach(item -> writeJson(inner, item)));
    } else if (node.isNumber()) {
      w.writeBytes(minimal(node.bigIntegerValue()));
    } else if (node.asText().startsWith("#")) {
      w.writeBytes(minimal(new BigInteger(node.asText().substring(1))));
    } else {
      w.writeBytes(node.asText().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] minimal(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] b = value.toByteArray();
    return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
