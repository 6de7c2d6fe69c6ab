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

class BlockTestCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;
  private Path simpleTx;

  @BeforeEach
  void copyFixture() throws Exception {
    simpleTx = dir.resolve("SimpleTx.json");
    try (InputStream in = getClass().getResourceAsStream("/blocktest/SimpleTx.json")) {
      Files.copy(in, simpleTx);
    }
  }

  private int run(String... args) {
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldEndWithTheCountLineAndExit0WhenEveryTestPasses() {
    assertThat(run("blocktest", "--check-artifacts", dir.toString())).isZero();
    assertThat(out.toString().lines()).last().isEqualTo("1 passed, 0 failed");
  }

  @Test
  void shouldNameTheRuleWhenABlockWithAWrongStateRootIsRejected() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode test = (ObjectNode) json.readTree(simpleTx.toFile());
    ObjectNode body = (ObjectNode) test.get("SimpleTx_Cancun");
    ObjectNode block = (ObjectNode) body.get("blocks").get(0);
    String rlp = block.get("rlp").asText();
    String stateRoot = body.get("blocks").get(0).get("blockHeader").get("stateRoot").asText();
    // The state root appears once in the block's RLP; replacing it also changes the block's hash.
    block.put("rlp", rlp.replace(stateRoot.substring(2), "11".repeat(32)));
    json.writeValue(dir.resolve("tampered.json").toFile(), test);

    assertThat(run("blocktest", dir.toString())).isEqualTo(1);
    assertThat(out.toString().lines())
        .anyMatch(
            line ->
                line.startsWith("FAIL tampered.json SimpleTx_Cancun: block 0 (number 1, 0x")
                    && line.contains("rejected: the state root does not match the post-state"))
        .last()
        .isEqualTo("1 passed, 1 failed");
  }

  @Test
  void shouldSayInOneLineWhenThePathDoesNotExist() {
    assertThat(run("blocktest", dir.resolve("nope").toString())).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node blocktest: " + dir.resolve("nope") + ": no such file or folder");
  }
}
