package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvmRunCommandTest {
  /** MSTORE 42 at 0, RETURN 32 bytes: 3+3+3+6 (MSTORE incl. one memory word) +3+3 = 18 gas. */
  private static final String RETURN_42 = "0x602a60005260206000f3";

  /** SLOAD slot 0, add 1, SSTORE it back, then RETURN the new value. */
  private static final String INCREMENT_SLOT_0 = "0x60005460010180600055600052602060" + "00f3";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldPrintOutputAndGasUsedLikeGethsEvmRun() {
    assertThat(run("evm", "run", "--code", RETURN_42)).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "output: 0x000000000000000000000000000000000000000000000000000000000000002a",
            "gas used: 18");
  }

  @Test
  void shouldReportARevertAndAnExceptionalHalt() {
    assertThat(run("evm", "run", "--code", "0x60006000fd")).isZero();
    assertThat(out.toString()).contains("error: execution reverted");
    out.getBuffer().setLength(0);
    assertThat(run("evm", "run", "--code", "0x5b600056", "--gas", "50000")).isZero();
    assertThat(out.toString()).contains("gas used: 50000", "error: out of gas");
  }

  @Test
  void shouldReadCodeFromAFileAndStateFromAPrestateGenesis() throws Exception {
    Path code = Files.writeString(dir.resolve("code.hex"), INCREMENT_SLOT_0 + "\n");
    Path genesis =
        Files.writeString(
            dir.resolve("genesis.json"),
            "{\"config\":{\"chainId\":1},\"gasLimit\":\"0x1c9c380\",\"alloc\":{\"0x0000000000000000000000007265636569766572\":"
                + "{\"balance\":\"0\",\"storage\":{\"0x00\":\"0x29\"}}}}");
    assertThat(run("evm", "run", "--code", "@" + code, "--prestate", genesis.toString())).isZero();
    assertThat(out.toString()).contains("output: 0x" + "00".repeat(31) + "2a");
  }

  @Test
  void shouldStartEveryBenchRunFromTheSameState() {
    // Each run increments slot 0; a run that saw the previous one's write would return 2, 3, ...
    assertThat(run("evm", "run", "--code", INCREMENT_SLOT_0, "--bench", "50")).isZero();
    assertThat(out.toString()).contains("output: 0x" + "00".repeat(31) + "01");
    assertThat(out.toString()).containsPattern("execution time: [0-9.]+ µs per run \\(mean of 50");
  }

  @Test
  void shouldRejectBadHexAndAMissingCodeFileInOneLine() {
    assertThat(run("evm", "run", "--code", "0xzz")).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node evm run: hex string \"0xzz\" has a non-hex character 'z' at position 2");
    assertThat(run("evm", "run", "--code", "@" + dir.resolve("missing.hex"))).isEqualTo(1);
    assertThat(err.toString()).contains("code file " + dir.resolve("missing.hex") + " not found");
  }
}
