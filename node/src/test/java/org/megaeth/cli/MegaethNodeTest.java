package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.Role;
import picocli.CommandLine;

class MegaethNodeTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void shouldPrintOneLineNamingTheValidRolesAndExit2WhenTheRoleIsBogus() {
    assertThat(run("--role=bogus")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("'bogus'", "sequencer, prover, fullnode");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldListRolesAndOptionsInHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("--role", "--config", "--dev", "--data-dir", "sequencer", "prover", "fullnode");
  }

  @Test
  void shouldAcceptRolesInAnyCase() {
    assertThat(run("--role=FullNode", "--dev")).isEqualTo(1);
    assertThat(err.toString()).contains("the fullnode role is not built yet");
  }

  @Test
  void shouldSayInOneLineThatARoleIsNotBuiltYet() {
    assertThat(run("--role=prover", "--dev")).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node: the prover role is not built yet in this version; see the README's status"
                + " table");
  }

  @Test
  void shouldNameTheMissingConfigFileWithoutAStackTrace() {
    Path missing = dir.resolve("missing.toml");
    assertThat(run("--config", missing.toString())).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly("megaeth-node: config file " + missing + " not found");
  }

  @Test
  void shouldNameTheFileLineAndKeyOfABadConfigValue() throws IOException {
    Path config = Files.writeString(dir.resolve("node.toml"), "[rpc]\nport = 70000\n");
    assertThat(run("--config", config.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(config + ":2", "rpc.port must be between 1 and 65535, got 70000")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void shouldNameTheJsonPathOfABadGenesisField() throws IOException {
    Path genesis =
        Files.writeString(
            dir.resolve("genesis.json"),
            "{\"config\":{\"chainId\":1},\"alloc\":{\"0x71562b71999873db5b286df957af199ec94617f7\":"
                + "{\"balance\":\"12x\"}}}");
    assertThat(run("--role=fullnode", "--genesis", genesis.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains("alloc.0x71562b71999873db5b286df957af199ec94617f7.balance", "12x")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldLetFlagsWinOverTheConfigFile() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("node.toml"),
            "role = \"prover\"\n[rpc]\nport = 9000\nhost = \"0.0.0.0\"\n");
    MegaethNode node = new MegaethNode(new PrintWriter(out), new PrintWriter(err));
    new CommandLine(node)
        .parseArgs("--config", config.toString(), "--role=fullnode", "--set", "rpc.port=9100");
    NodeOptions options = node.options();
    assertThat(options.role()).isEqualTo(Role.FULLNODE);
    assertThat(options.rpc().port()).isEqualTo(9100);
    assertThat(options.rpc().host()).isEqualTo("0.0.0.0"); // from the file: no flag given
  }

  @Test
  void shouldRejectAnUnknownSetKeyWithASuggestion() {
    assertThat(run("--set", "rpc.prot=1")).isEqualTo(1);
    assertThat(err.toString()).contains("rpc.prot", "rpc.port");
  }

  @Test
  void shouldTakeTheSequencerPacingAndThreadsFromFlags() throws Exception {
    MegaethNode node = new MegaethNode(new PrintWriter(out), new PrintWriter(err));
    new CommandLine(node)
        .parseArgs(
            "--mini-block-interval=20ms",
            "--block-interval=1.5s",
            "--exec-threads=3",
            "--block-gas-limit=300000000");
    NodeOptions options = node.options();
    assertThat(options.sequencer().miniBlockInterval()).isEqualTo(Duration.ofMillis(20));
    assertThat(options.sequencer().blockInterval()).isEqualTo(Duration.ofMillis(1_500));
    assertThat(options.sequencer().execThreads()).isEqualTo(3);
    assertThat(options.sequencer().blockGasLimit()).isEqualTo(300_000_000L);
  }

  @Test
  void shouldTurnMetricsOnWithTheFlagAndLeaveThemOffByDefault() throws Exception {
    MegaethNode plain = new MegaethNode(new PrintWriter(out), new PrintWriter(err));
    new CommandLine(plain).parseArgs();
    assertThat(plain.options().metrics().enabled()).isFalse();

    MegaethNode flagged = new MegaethNode(new PrintWriter(out), new PrintWriter(err));
    new CommandLine(flagged).parseArgs("--metrics", "--set", "metrics.port=9600");
    assertThat(flagged.options().metrics().enabled()).isTrue();
    assertThat(flagged.options().metrics().port()).isEqualTo(9600);
    assertThat(flagged.options().metrics().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void shouldDefaultToOneExecutionThreadPerCoreFromFourCoresAndSerialBelow() throws Exception {
    MegaethNode node = new MegaethNode(new PrintWriter(out), new PrintWriter(err));
    new CommandLine(node).parseArgs();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(node.options().sequencer().resolvedExecThreads()).isEqualTo(cores < 4 ? 1 : cores);
  }

  @Test
  void shouldRefuseABadDurationOrThreadCountInOneLine() {
    assertThat(run("--mini-block-interval=fast")).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node: --mini-block-interval: expected a duration such as 10ms or 1s, got"
                + " \"fast\"");
    err.getBuffer().setLength(0);
    assertThat(run("--block-interval=0.0005s")).isEqualTo(1);
    assertThat(err.toString()).contains("not a whole number of milliseconds");
    err.getBuffer().setLength(0);
    assertThat(run("--exec-threads=-2")).isEqualTo(1);
    assertThat(err.toString()).contains("sequencer.exec-threads must be between 0 and 1024");
    assertThat(err.toString()).doesNotContain("\tat ");
  }
}
