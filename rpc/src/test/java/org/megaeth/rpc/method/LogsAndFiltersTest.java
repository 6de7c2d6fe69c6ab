package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.testing.Contracts;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** eth_getLogs with its caps, and the polled filters. */
class LogsAndFiltersTest {
  /** A clock the test moves. */
  private final AtomicLong now = new AtomicLong(1_000_000);

  private final TimeProvider clock =
      new TimeProvider() {
        @Override
        public long currentTimeMillis() {
          return now.get();
        }

        @Override
        public long nanoTime() {
          return now.get() * 1_000_000;
        }
      };

  private final RpcHarness rpc =
      RpcHarness.create(TestChain.create(), b -> b.logsMaxBlockRange(5).logsMaxResults(3), clock);
  private final TestChain chain = rpc.chain();
  private Address contract;
  private long nonce;

  @BeforeEach
  void deploy() {
    submit(Txs.create(chain.account(0), nonce++, Contracts.deployer(Contracts.storeAndLog())));
    chain.mineAndSeal();
    contract = FrameRunner.createAddress(chain.account(0).address(), 0);
    // Filters created by a test collect from then on: let the deployment's events pass first.
    awaitEvents();
  }

  @AfterEach
  void close() {
    rpc.close();
  }

  private void submit(Transaction tx) {
    chain.submit(PooledTransaction.of(tx)).join();
  }

  /** One block with one log per value. */
  private BlockHeader logBlock(long... values) {
    for (long v : values) {
      submit(Txs.invoke(chain.account(0), nonce++, contract, Contracts.word(v)));
    }
    return chain.mineAndSeal();
  }

  @Test
  void shouldFindLogsByRangeAddressAndTopic() {
    logBlock(1);
    BlockHeader three = logBlock(2, 3);
    JsonNode logs =
        rpc.result(
            "eth_getLogs",
            Map.of("fromBlock", "0x0", "toBlock", "latest", "address", contract.toHexString()));
    assertThat(logs).hasSize(3);
    assertThat(logs.get(2).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(logs.get(2).get("transactionIndex").asText()).isEqualTo("0x1");
    assertThat(logs.get(2).get("blockHash").asText()).isEqualTo(three.hash().toHexString());

    JsonNode byTopic =
        rpc.result(
            "eth_getLogs",
            Map.of("fromBlock", "0x3", "topics", List.of(Contracts.STORED_TOPIC.toHexString())));
    assertThat(byTopic).hasSize(2);
    JsonNode otherTopic =
        rpc.result(
            "eth_getLogs", Map.of("fromBlock", "0x0", "topics", List.of("0x" + "11".repeat(32))));
    assertThat(otherTopic).isEmpty();
    JsonNode wildcardThenNothing =
        rpc.result(
            "eth_getLogs",
            Map.of(
                "fromBlock",
                "0x0",
                "topics",
                java.util.Arrays.asList(null, Contracts.STORED_TOPIC.toHexString())));
    assertThat(wildcardThenNothing).isEmpty();
    JsonNode byHash = rpc.result("eth_getLogs", Map.of("blockHash", three.hash().toHexString()));
    assertThat(byHash).hasSize(2);
  }

  @Test
  void shouldRefuseBadRangesWithGethsWords() {
    JsonNode reversed = rpc.error("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "0x0"));
    assertThat(reversed.get("code").asInt()).isEqualTo(-32602);
    assertThat(reversed.get("message").asText()).isEqualTo("invalid block range params");
    JsonNode future = rpc.error("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "0x99"));
    assertThat(future.get("message").asText())
        .isEqualTo("block range extends beyond current head block");
    JsonNode both =
        rpc.error("eth_getLogs", Map.of("fromBlock", "0x1", "blockHash", "0x" + "00".repeat(32)));
    assertThat(both.get("message").asText())
        .isEqualTo(
            "invalid argument 0: cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    JsonNode unknown = rpc.error("eth_getLogs", Map.of("blockHash", "0x" + "00".repeat(32)));
    assertThat(unknown.get("code").asInt()).isEqualTo(-32000);
    assertThat(unknown.get("message").asText()).isEqualTo("unknown block");
  }

  @Test
  void shouldSayWhichRangeFitsWhenTooWide() {
    for (int i = 0; i < 6; i++) {
      chain.seal();
    }
    JsonNode error = rpc.error("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "0x7"));
    assertThat(error.get("code").asInt()).isEqualTo(-32005);
    assertThat(error.get("message").asText())
        .isEqualTo("query exceeds max block range 5; retry with this block range: [0x1, 0x5]");
    assertThat(error.get("data").get("toBlock").asText()).isEqualTo("0x5");
  }

  @Test
  void shouldSayWhichRangeFitsWhenTooManyResults() {
    logBlock(1, 2);
    logBlock(3);
    logBlock(4);
    JsonNode error = rpc.error("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "latest"));
    assertThat(error.get("code").asInt()).isEqualTo(-32005);
    assertThat(error.get("message").asText())
        .isEqualTo("query returned more than 3 results; retry with this block range: [0x1, 0x3]");
    assertThat(rpc.result("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "0x3"))).hasSize(3);
  }

  @Test
  void shouldCollectNewBlocksAndLogsBetweenPolls() {
    String blocks = rpc.result("eth_newBlockFilter").asText();
    String logs = rpc.result("eth_newFilter", Map.of("address", contract.toHexString())).asText();
    String pendingTxs = rpc.result("eth_newPendingTransactionFilter").asText();
    assertThat(blocks).startsWith("0x").hasSize(34);
    assertThat(rpc.result("eth_getFilterChanges", blocks)).isEmpty();

    BlockHeader two = logBlock(7);
    awaitEvents();
    JsonNode newBlocks = rpc.result("eth_getFilterChanges", blocks);
    assertThat(newBlocks).hasSize(1);
    assertThat(newBlocks.get(0).asText()).isEqualTo(two.hash().toHexString());
    assertThat(rpc.result("eth_getFilterChanges", blocks)).isEmpty();
    JsonNode newLogs = rpc.result("eth_getFilterChanges", logs);
    assertThat(newLogs).hasSize(1);
    assertThat(newLogs.get(0).get("data").asText()).isEqualTo(Contracts.word(7).toHexString());
    assertThat(rpc.result("eth_getFilterChanges", pendingTxs)).hasSize(1);
    assertThat(rpc.result("eth_getFilterLogs", logs)).hasSize(1);

    assertThat(rpc.result("eth_uninstallFilter", logs).asBoolean()).isTrue();
    assertThat(rpc.result("eth_uninstallFilter", logs).asBoolean()).isFalse();
    JsonNode gone = rpc.error("eth_getFilterChanges", logs);
    assertThat(gone.get("code").asInt()).isEqualTo(-32000);
    assertThat(gone.get("message").asText()).isEqualTo("filter not found");
  }

  @Test
  void shouldCollectPreconfirmedLogsForAFilterOverPending() {
    String pending =
        rpc.result("eth_newFilter", Map.of("fromBlock", "pending", "toBlock", "pending")).asText();
    submit(Txs.invoke(chain.account(0), nonce++, contract, Contracts.word(9)));
    chain.mineMiniBlock();
    awaitEvents();
    JsonNode logs = rpc.result("eth_getFilterChanges", pending);
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).has("blockHash")).isFalse();
    assertThat(logs.get(0).get("blockNumber").asText()).isEqualTo("0x2");
  }

  @Test
  void shouldExpireFiltersNobodyPolls() {
    String id = rpc.result("eth_newBlockFilter").asText();
    now.addAndGet(Duration.ofMinutes(4).toMillis());
    assertThat(rpc.result("eth_getFilterChanges", id)).isEmpty();
    now.addAndGet(Duration.ofMinutes(4).toMillis());
    rpc.api().filters().expire();
    assertThat(rpc.api().filters().size()).isEqualTo(1);
    now.addAndGet(Duration.ofMinutes(2).toMillis());
    rpc.api().filters().expire();
    assertThat(rpc.api().filters().size()).isZero();
    now.addAndGet(Duration.ofMinutes(6).toMillis());
    String other = rpc.result("eth_newBlockFilter").asText();
    now.addAndGet(Duration.ofMinutes(6).toMillis());
    assertThat(rpc.error("eth_getFilterChanges", other).get("message").asText())
        .isEqualTo("filter not found");
  }

  /** Events reach filters on the dispatcher thread: wait until it delivered them. */
  private void awaitEvents() {
    rpc.api().flushEvents().join();
  }
}
