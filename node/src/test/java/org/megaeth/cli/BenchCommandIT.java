package org.megaeth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code megaeth-node bench} against a real {@code --role=sequencer --dev} child process on
 * loopback: a small load over each transport and submit method, every transfer of which must be
 * included with status 1 and leave every sender's token balance as the transfers imply.
 */
class BenchCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** What one bench run printed and returned. */
  private record Run(int exit, String out, String err) {
    JsonNode summary() throws Exception {
      String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
      return JSON.readTree(last);
    }
  }

  private static Run bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] command = new String[args.length + 1];
    command[0] = "bench";
    System.arraycopy(args, 0, command, 1, args.length);
    int exit = MegaethNode.run(command, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void shouldIncludeEveryTransferOverHttpAndWebSocketWithBothMethods() throws Exception {
    try (NodeProcess node = NodeProcess.start(dir.resolve("data"), NodeProcess.freePort())) {
      Run send =
          bench(
              "--rpc", node.httpUrl().toString(),
              "--senders", "20",
              "--transactions", "200",
              "--method", "send",
              "--concurrency", "16",
              "--label", "it");
      assertThat(send.exit()).as(send.out() + send.err()).isZero();
      JsonNode sent = send.summary();
      assertThat(sent.path("node").asText()).isEqualTo("it");
      assertThat(sent.path("chainId").asLong()).isEqualTo(1337);
      assertThat(sent.path("method").asText()).isEqualTo("eth_sendRawTransaction");
      assertThat(sent.path("transport").asText()).isEqualTo("http");
      assertThat(sent.path("included").asInt()).isEqualTo(200);
      assertThat(sent.path("failed").asInt()).isZero();
      assertThat(send.out())
          .contains("200 of 200 sampled receipts with status 1")
          .contains("20 of 20 senders' token balances as the included transfers imply");

      // Same seed, so the same senders: their nonces go on from the first run's.
      Run sync =
          bench(
              "--rpc", node.wsUrl().toString(),
              "--senders", "20",
              "--transactions", "200",
              "--method", "sync",
              "--concurrency", "16");
      assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
      JsonNode synced = sync.summary();
      assertThat(synced.path("transport").asText()).isEqualTo("ws");
      assertThat(synced.path("method").asText()).isEqualTo("eth_sendRawTransactionSync");
      assertThat(synced.path("included").asInt()).isEqualTo(200);
      assertThat(synced.path("failed").asInt()).isZero();
      assertThat(synced.path("p50Ms").asDouble()).isPositive();
      assertThat(synced.path("clientVersion").asText()).startsWith("megaeth-node/");

      // JSON-RPC batches of 8: the node waits for the batch's transactions together.
      Run batched =
          bench(
              "--rpc", node.wsUrl().toString(),
              "--senders", "20",
              "--transactions", "200",
              "--method", "sync",
              "--concurrency", "16",
              "--batch", "8");
      assertThat(batched.exit()).as(batched.out() + batched.err()).isZero();
      JsonNode inBatches = batched.summary();
      assertThat(inBatches.path("batch").asInt()).isEqualTo(8);
      assertThat(inBatches.path("included").asInt()).isEqualTo(200);
      assertThat(inBatches.path("failed").asInt()).isZero();
      assertThat(batched.out()).contains("in batches of 8");
    }
  }
}
