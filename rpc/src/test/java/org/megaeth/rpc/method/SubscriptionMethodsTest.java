package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.testing.CapturingConnection;
import org.megaeth.rpc.testing.Contracts;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** eth_subscribe and eth_unsubscribe, through a push-capable connection. */
class SubscriptionMethodsTest {
  private final RpcHarness rpc = RpcHarness.create();
  private final TestChain chain = rpc.chain();
  private final CapturingConnection ws = new CapturingConnection();

  @AfterEach
  void close() {
    rpc.close();
  }

  private String subscribe(Object... params) {
    JsonNode response = rpc.call(ws, "eth_subscribe", params);
    assertThat(response.has("error")).withFailMessage("%s", response).isFalse();
    return response.get("result").asText();
  }

  private void submit(Transaction tx) {
    chain.submit(PooledTransaction.of(tx)).join();
  }

  @Test
  void shouldNotifyNewHeadsInOrder() throws Exception {
    String id = subscribe("newHeads");
    assertThat(id).startsWith("0x").hasSize(34);
    BlockHeader one = chain.seal();
    BlockHeader two = chain.seal();
    JsonNode first = ws.next();
    assertThat(first.get("method").asText()).isEqualTo("eth_subscription");
    assertThat(first.get("params").get("subscription").asText()).isEqualTo(id);
    assertThat(first.get("params").get("result").get("hash").asText())
        .isEqualTo(one.hash().toHexString());
    assertThat(ws.next().get("params").get("result").get("number").asText())
        .isEqualTo("0x" + Long.toHexString(two.number()));
  }

  @Test
  void shouldStreamPreconfirmedLogsAndMiniBlocks() throws Exception {
    submit(Txs.create(chain.account(0), 0, Contracts.deployer(Contracts.storeAndLog())));
    chain.mineAndSeal();
    Address contract = FrameRunner.createAddress(chain.account(0).address(), 0);
    // Let the deployment's events pass first: subscriptions get what is delivered after they start.
    rpc.api().flushEvents().join();
    String logs =
        subscribe("logs", Map.of("fromBlock", "pending", "address", contract.toHexString()));
    String sealedLogs = subscribe("logs", Map.of("address", contract.toHexString()));
    String minis = subscribe("miniBlocks");

    Transaction call = Txs.invoke(chain.account(0), 1, contract, Contracts.word(3));
    submit(call);
    chain.mineMiniBlock();
    rpc.api().flushEvents().join();
    JsonNode log = ws.next();
    JsonNode mini = ws.next();
    assertThat(log.get("params").get("subscription").asText()).isEqualTo(logs);
    assertThat(log.get("params").get("result").has("blockHash")).isFalse();
    assertThat(log.get("params").get("result").get("data").asText())
        .isEqualTo(Contracts.word(3).toHexString());
    assertThat(mini.get("params").get("subscription").asText()).isEqualTo(minis);
    JsonNode item = mini.get("params").get("result");
    assertThat(item.get("blockNumber").asText()).isEqualTo("0x2");
    assertThat(item.get("index").asText()).isEqualTo("0x0");
    assertThat(item.get("transactions").get(0).get("hash").asText())
        .isEqualTo(call.hash().toHexString());
    assertThat(item.get("receipts").get(0).get("status").asText()).isEqualTo("0x1");
    assertThat(item.get("receipts").get(0).has("blockHash")).isFalse();
    assertThat(ws.waiting()).isZero();

    BlockHeader sealed = chain.seal();
    JsonNode finalLog = ws.next();
    assertThat(finalLog.get("params").get("subscription").asText()).isEqualTo(sealedLogs);
    assertThat(finalLog.get("params").get("result").get("blockHash").asText())
        .isEqualTo(sealed.hash().toHexString());
  }

  @Test
  void shouldNotifyPendingTransactionHashes() throws Exception {
    subscribe("newPendingTransactions");
    Transaction tx = Txs.transfer(chain.account(0), 0, Address.ofNumber(1), Wei.of(1));
    submit(tx);
    assertThat(ws.next().get("params").get("result").asText()).isEqualTo(tx.hash().toHexString());
  }

  @Test
  void shouldStopAfterUnsubscribeAndOnlyForItsConnection() throws Exception {
    String id = subscribe("newHeads");
    CapturingConnection other = new CapturingConnection();
    JsonNode foreign = rpc.call(other, "eth_unsubscribe", id).get("error");
    assertThat(foreign.get("code").asInt()).isEqualTo(-32000);
    assertThat(foreign.get("message").asText()).isEqualTo("subscription not found");
    assertThat(rpc.call(ws, "eth_unsubscribe", id).get("result").asBoolean()).isTrue();
    assertThat(rpc.call(ws, "eth_unsubscribe", id).get("error").get("message").asText())
        .as("geth: an id already removed is not found")
        .isEqualTo("subscription not found");
    assertThat(rpc.error("eth_unsubscribe", id).get("message").asText())
        .as("over HTTP, as geth")
        .isEqualTo("subscription not found");
    chain.seal();
    rpc.api().flushEvents().join();
    assertThat(ws.waiting()).isZero();
  }

  @Test
  void shouldEndSubscriptionsWhenTheConnectionCloses() {
    subscribe("newHeads");
    assertThat(rpc.api().subscriptions().size()).isEqualTo(1);
    ws.close("bye");
    assertThat(rpc.api().subscriptions().size()).isZero();
  }

  @Test
  void shouldRefuseSubscriptionsOverHttpAndUnknownKinds() {
    JsonNode http = rpc.error("eth_subscribe", "newHeads");
    assertThat(http.get("code").asInt()).isEqualTo(-32001);
    assertThat(http.get("message").asText()).isEqualTo("notifications not supported");
    JsonNode unknown = rpc.call(ws, "eth_subscribe", "syncing").get("error");
    assertThat(unknown.get("code").asInt()).isEqualTo(-32601);
    assertThat(unknown.get("message").asText())
        .isEqualTo("no \"syncing\" subscription in eth namespace");
  }

  @Test
  void shouldDeliverNothingBeforeTheSubscribeResponse() {
    // Subscribe without telling the connection the response went out: nothing may arrive.
    rpc.send(org.megaeth.rpc.testing.Rpc.request("eth_subscribe", "newHeads"), ws);
    chain.seal();
    rpc.api().flushEvents().join();
    assertThat(ws.waiting()).isZero();
  }
}
