package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.api.ChainListener;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.rpc.testing.Rpc;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** eth_sendRawTransaction and the synchronous variants. */
class SendTransactionMethodsTest {
  private final RpcHarness rpc =
      RpcHarness.create(
          TestChain.create(),
          b -> b.syncDefaultTimeout(Duration.ofMillis(200)).syncMaxTimeout(Duration.ofSeconds(10)),
          TimeProvider.SYSTEM);
  private final Address recipient = Address.ofNumber(0xbeef);

  @AfterEach
  void close() {
    rpc.close();
  }

  @Test
  void shouldRefuseUnprotectedLegacyTransactionsAsGethDoesUnlessAllowed() {
    TestChain chain = rpc.chain();
    String unprotected = Txs.raw(Txs.unprotectedTransfer(chain.account(0), 0, recipient));
    JsonNode refused = rpc.error("eth_sendRawTransaction", unprotected);
    assertThat(refused.get("code").asInt()).isEqualTo(-32000);
    assertThat(refused.get("message").asText())
        .isEqualTo("only replay-protected (EIP-155) transactions allowed over RPC");
    assertThat(chain.poolSize()).isZero();
    // EIP-155 legacy transactions are fine.
    rpc.result(
        "eth_sendRawTransaction",
        Txs.raw(Txs.legacyTransfer(chain.account(0), 0, recipient, Wei.of(1))));

    try (RpcHarness allowing =
        RpcHarness.create(
            TestChain.create(), Rpc.options().toBuilder().allowUnprotectedTxs(true).build())) {
      allowing.result(
          "eth_sendRawTransaction",
          Txs.raw(Txs.unprotectedTransfer(allowing.chain().account(0), 0, recipient)));
      assertThat(allowing.chain().poolSize()).isEqualTo(1);
    }
  }

  @Test
  void shouldReturnTheHashAndPoolTheTransaction() {
    TestChain chain = rpc.chain();
    Transaction tx = Txs.transfer(chain.account(0), 0, recipient, Wei.of(1));
    assertThat(rpc.result("eth_sendRawTransaction", Txs.raw(tx)).asText())
        .isEqualTo(tx.hash().toHexString());
    assertThat(chain.poolSize()).isEqualTo(1);
    JsonNode again = rpc.error("eth_sendRawTransaction", Txs.raw(tx));
    assertThat(again.get("code").asInt()).isEqualTo(-32000);
    assertThat(again.get("message").asText()).isEqualTo("already known");
  }

  @Test
  void shouldCountPooledTransactionsInThePendingNonceSoWalletsCanSendTwiceInARow() {
    TestChain chain = rpc.chain();
    String sender = chain.account(0).address().toHexString();
    rpc.result(
        "eth_sendRawTransaction", Txs.raw(Txs.transfer(chain.account(0), 0, recipient, Wei.of(1))));
    // What ethers and viem ask before the next send: the pooled transaction counts.
    assertThat(rpc.result("eth_getTransactionCount", sender, "pending").asText()).isEqualTo("0x1");
    assertThat(rpc.result("eth_getTransactionCount", sender, "latest").asText()).isEqualTo("0x0");
    rpc.result(
        "eth_sendRawTransaction", Txs.raw(Txs.transfer(chain.account(0), 1, recipient, Wei.of(1))));
    // A nonce gap waits in the pool's queue and does not count.
    rpc.call(
        "eth_sendRawTransaction", Txs.raw(Txs.transfer(chain.account(0), 5, recipient, Wei.of(1))));
    assertThat(rpc.result("eth_getTransactionCount", sender, "pending").asText()).isEqualTo("0x2");
    chain.mineMiniBlock();
    assertThat(rpc.result("eth_getTransactionCount", sender, "latest").asText()).isEqualTo("0x2");
    assertThat(rpc.result("eth_getTransactionCount", sender, "pending").asText()).isEqualTo("0x2");
  }

  @Test
  void shouldRefuseWithGethsWords() {
    TestChain chain = rpc.chain();
    Transaction wrongNonce = Txs.transfer(chain.account(0), 5, recipient, Wei.of(1));
    assertThat(rpc.error("eth_sendRawTransaction", Txs.raw(wrongNonce)).get("message").asText())
        .startsWith("nonce too high");
    Transaction tooRich = Txs.transfer(chain.account(0), 0, recipient, Wei.fromEth(1_000_000));
    assertThat(rpc.error("eth_sendRawTransaction", Txs.raw(tooRich)).get("message").asText())
        .startsWith("insufficient funds for gas * price + value");
    JsonNode garbage = rpc.error("eth_sendRawTransaction", "0x05aabb");
    assertThat(garbage.get("code").asInt()).isEqualTo(-32000);
    assertThat(garbage.get("message").asText()).startsWith("transaction type not supported");
    JsonNode notHex = rpc.error("eth_sendRawTransaction", "0xzz");
    assertThat(notHex.get("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void shouldReturnThePreconfirmedReceiptWhenSentSynchronously() {
    TestChain chain = rpc.chain();
    chain.keepWitnesses(false);
    Transaction tx = Txs.transfer(chain.account(0), 0, recipient, Wei.of(1));
    // A mini-block as soon as the pool has it (on its own thread: submit holds the chain's lock).
    chain.subscribe(
        new ChainListener() {
          @Override
          public void onPendingTransaction(Hash hash) {
            Thread.ofVirtual().start(chain::mineMiniBlock);
          }
        });
    JsonNode receipt = rpc.result("eth_sendRawTransactionSync", Txs.raw(tx), 5_000);
    assertThat(receipt.get("transactionHash").asText()).isEqualTo(tx.hash().toHexString());
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(receipt.has("blockHash")).isFalse();
    assertThat(receipt.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(receipt.get("from").asText()).isEqualTo(chain.account(0).address().toHexString());
  }

  @Test
  void shouldIncludeTheBlockHashOnceSealedForTheRealtimeName() {
    TestChain chain = rpc.chain().automine();
    Transaction tx = Txs.transfer(chain.account(0), 0, recipient, Wei.of(1));
    JsonNode receipt = rpc.result("realtime_sendRawTransaction", Txs.raw(tx), "0x1388");
    assertThat(receipt.get("transactionHash").asText()).isEqualTo(tx.hash().toHexString());
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
  }

  @Test
  void shouldTimeOutWithTheHashWhenNoMiniBlockComes() {
    TestChain chain = rpc.chain();
    Transaction tx = Txs.transfer(chain.account(0), 0, recipient, Wei.of(1));
    JsonNode error = rpc.error("eth_sendRawTransactionSync", Txs.raw(tx));
    assertThat(error.get("code").asInt()).isEqualTo(4);
    assertThat(error.get("message").asText())
        .isEqualTo(
            "The transaction was added to the transaction pool but wasn't processed in 200ms.");
    assertThat(error.get("data").asText()).isEqualTo(tx.hash().toHexString());
    // The caller gave up: its wait is cancelled, so the node does not keep it.
    assertThat(chain.waiting(tx.hash())).isZero();
  }
}
