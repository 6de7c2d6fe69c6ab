package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return MegaethNode.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--senders=0|--senders must be at least 1",
        "--transactions=5 --senders=6|--senders (6) must not exceed --transactions (5)",
        "--concurrency=0|--concurrency must be between 1 and",
        "--rate=-5|--rate must be",
        "--rpc=localhost:8545|--rpc must be an http://, https://, ws:// or wss:// URL",
        "--gas-price=cheap|--gas-price must be an amount in gwei",
        "--timeout=0|--timeout must be a positive number of seconds",
        "--method=fast|Invalid value for option '--method'",
        "--transactions=many|Invalid value for option '--transactions'",
      })
  void shouldRejectABadFlagInOneLineWithStatus2(String flags, String message) {
    String[] args = ("bench " + flags).split(" ");
    assertThat(run(args)).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains(message).doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldSayInOneLineThatNothingListensAtTheEndpointWithStatus1() {
    int port = NodeProcess.freePort();
    assertThat(run("bench", "--rpc", "http://127.0.0.1:" + port)).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "megaeth-node bench: cannot connect to http://127.0.0.1:"
                + port
                + " (is the node running and listening there?)");
  }

  @Test
  void shouldDescribeEveryOptionInHelp() {
    assertThat(run("bench", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--rpc",
            "--transport",
            "--method",
            "--rate",
            "--concurrency",
            "--senders",
            "--transactions",
            "--funder-key",
            "--gas-price",
            "--timeout");
  }
}
