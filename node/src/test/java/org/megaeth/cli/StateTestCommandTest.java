package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateTestCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;
  private Path add11;

  @BeforeEach
  void copyFixture() throws Exception {
    add11 = dir.resolve("add11.json");
    try (InputStream in = getClass().getResourceAsStream("/statetest/add11.json")) {
      Files.copy(in, add11);
    }
  }

  private int run(String... args) {
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldEndWithTheCountLineAndExit0WhenEveryCasePasses() {
    assertThat(run("statetest", dir.toString())).isZero();
    assertThat(out.toString().lines()).last().isEqualTo("1 passed, 0 failed");
  }

  @Test
  void shouldPrintTheFailingCaseWithExpectedAndActualRootsAndExit1() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode test = (ObjectNode) json.readTree(add11.toFile());
    ObjectNode expected = (ObjectNode) test.get("add11").get("post").get("Cancun").get(0);
    expected.put("hash", "0x" + "00".repeat(32));
    json.writeValue(dir.resolve("tampered.json").toFile(), test);

    assertThat(run("statetest", dir.toString())).isEqualTo(1);
    assertThat(out.toString().lines())
        .anyMatch(
            line ->
                line.startsWith("FAIL tampered.json add11 Cancun d0 g0 v0: expected root 0x0000")
                    && line.contains("got root 0x"))
        .last()
        .isEqualTo("1 passed, 1 failed");
  }

  @Test
  void shouldCountAMalformedFileAsAFailureAndGoOn() throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{\"x\": [1,");
    assertThat(run("statetest", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("broken.json: not valid JSON at line 1");
    assertThat(out.toString().lines()).last().isEqualTo("1 passed, 1 failed");
  }

  @Test
  void shouldSayInOneLineWhenThePathDoesNotExist() {
    assertThat(run("statetest", dir.resolve("nope").toString())).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node statetest: " + dir.resolve("nope") + ": no such file or folder");
  }
}
