package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.testing.Contracts;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** Blocks, transactions and receipts: the sealed-chain lookups and their JSON shapes. */
class BlockAndTransactionMethodsTest {
  private final RpcHarness rpc = RpcHarness.create();
  private final TestChain chain = rpc.chain();
  private final Address recipient = Address.ofNumber(0xbeef);
  private Transaction transfer;
  private Transaction legacy;
  private Transaction deploy;
  private Transaction logCall;
  private BlockHeader one;
  private BlockHeader two;

  @BeforeEach
  void buildChain() {
    transfer = Txs.transfer(chain.account(0), 0, recipient, Wei.of(1000));
    legacy = Txs.legacyTransfer(chain.account(1), 0, recipient, Wei.of(1));
    deploy = Txs.create(chain.account(2), 0, Contracts.deployer(Contracts.storeAndLog()));
    submit(transfer);
    submit(legacy);
    submit(deploy);
    one = chain.mineAndSeal();
    Address contract = FrameRunner.createAddress(chain.account(2).address(), 0);
    logCall = Txs.invoke(chain.account(2), 1, contract, Contracts.word(5));
    submit(logCall);
    two = chain.mineAndSeal();
  }

  @AfterEach
  void close() {
    rpc.close();
  }

  private void submit(Transaction tx) {
    chain.submit(PooledTransaction.of(tx)).join();
  }

  @Test
  void shouldReturnABlockWithHashesOrFullTransactions() {
    JsonNode block = rpc.result("eth_getBlockByNumber", "0x1", false);
    assertThat(block.get("number").asText()).isEqualTo("0x1");
    assertThat(block.get("hash").asText()).isEqualTo(one.hash().toHexString());
    assertThat(block.get("parentHash").asText())
        .isEqualTo(chain.header(0).orElseThrow().hash().toHexString());
    assertThat(block.get("miner").asText()).isEqualTo(TestChain.COINBASE.toHexString());
    assertThat(block.get("nonce").asText()).isEqualTo("0x0000000000000000");
    assertThat(block.get("difficulty").asText()).isEqualTo("0x0");
    assertThat(block.get("baseFeePerGas").asText()).isEqualTo("0x342770c0");
    assertThat(block.has("withdrawalsRoot")).isTrue();
    assertThat(block.get("withdrawals")).isEmpty();
    assertThat(block.get("blobGasUsed").asText()).isEqualTo("0x0");
    assertThat(block.has("excessBlobGas")).isTrue();
    assertThat(block.has("parentBeaconBlockRoot")).isTrue();
    assertThat(block.has("requestsHash")).isTrue();
    assertThat(block.has("totalDifficulty")).isFalse();
    Block sealed = chain.block(1).orElseThrow();
    assertThat(block.get("size").asText())
        .isEqualTo("0x" + Integer.toHexString(sealed.encode().size()));
    assertThat(block.get("uncles")).isEmpty();
    assertThat(block.get("transactions").get(0).asText()).isEqualTo(transfer.hash().toHexString());

    JsonNode full = rpc.result("eth_getBlockByHash", one.hash().toHexString(), true);
    JsonNode tx = full.get("transactions").get(0);
    assertThat(tx.get("hash").asText()).isEqualTo(transfer.hash().toHexString());
    assertThat(tx.get("from").asText()).isEqualTo(chain.account(0).address().toHexString());
    assertThat(tx.get("blockHash").asText()).isEqualTo(one.hash().toHexString());
    assertThat(tx.get("transactionIndex").asText()).isEqualTo("0x0");
    assertThat(full.get("transactions").get(1).get("transactionIndex").asText()).isEqualTo("0x1");

    assertThat(rpc.result("eth_getBlockByNumber", "latest", false).get("number").asText())
        .isEqualTo("0x2");
    assertThat(rpc.result("eth_getBlockByNumber", "pending", false).get("number").asText())
        .isEqualTo("0x2");
    assertThat(rpc.result("eth_getBlockByNumber", "earliest", false).get("number").asText())
        .isEqualTo("0x0");
    assertThat(rpc.result("eth_getBlockByNumber", "0x3e8", true).isNull()).isTrue();
    assertThat(rpc.result("eth_getBlockByHash", "0x" + "11".repeat(32), true).isNull()).isTrue();
  }

  @Test
  void shouldRequireTheFullTransactionsFlag() {
    JsonNode error = rpc.error("eth_getBlockByNumber", "0x1");
    assertThat(error.get("message").asText()).isEqualTo("missing value for required argument 1");
  }

  @Test
  void shouldFormatEachTransactionTypeAsGethDoes() {
    JsonNode dynamic = rpc.result("eth_getTransactionByHash", transfer.hash().toHexString());
    assertThat(dynamic.get("type").asText()).isEqualTo("0x2");
    assertThat(dynamic.get("maxFeePerGas").asText()).isEqualTo("0x2540be400");
    assertThat(dynamic.get("maxPriorityFeePerGas").asText()).isEqualTo("0x3b9aca00");
    // Effective price under base fee 0x342770c0 (875 Mwei): base fee + tip.
    assertThat(dynamic.get("gasPrice").asText()).isEqualTo("0x6fc23ac0");
    assertThat(dynamic.get("chainId").asText()).isEqualTo("0x539");
    assertThat(dynamic.get("accessList")).isEmpty();
    assertThat(dynamic.get("yParity").asText()).isEqualTo(dynamic.get("v").asText());
    assertThat(dynamic.get("blockTimestamp").asText())
        .isEqualTo("0x" + Long.toHexString(one.timestamp()));
    assertThat(dynamic.get("input").asText()).isEqualTo("0x");
    assertThat(dynamic.get("to").asText()).isEqualTo(recipient.toHexString());

    JsonNode old = rpc.result("eth_getTransactionByHash", legacy.hash().toHexString());
    assertThat(old.get("type").asText()).isEqualTo("0x0");
    assertThat(old.has("maxFeePerGas")).isFalse();
    assertThat(old.has("accessList")).isFalse();
    assertThat(old.has("yParity")).isFalse();
    assertThat(old.get("chainId").asText()).isEqualTo("0x539");
    long v = Long.decode(old.get("v").asText());
    assertThat(v).isIn(2L * 1337 + 35, 2L * 1337 + 36);

    JsonNode create = rpc.result("eth_getTransactionByHash", deploy.hash().toHexString());
    assertThat(create.get("to").isNull()).isTrue();

    assertThat(rpc.result("eth_getTransactionByHash", "0x" + "de".repeat(32)).isNull()).isTrue();
  }

  @Test
  void shouldFindTransactionsByBlockAndIndex() {
    assertThat(
            rpc.result("eth_getTransactionByBlockHashAndIndex", one.hash().toHexString(), "0x1")
                .get("hash")
                .asText())
        .isEqualTo(legacy.hash().toHexString());
    assertThat(
            rpc.result("eth_getTransactionByBlockNumberAndIndex", "0x2", "0x0")
                .get("hash")
                .asText())
        .isEqualTo(logCall.hash().toHexString());
    assertThat(rpc.result("eth_getTransactionByBlockNumberAndIndex", "0x2", "0x5").isNull())
        .isTrue();
    assertThat(rpc.result("eth_getRawTransactionByHash", legacy.hash().toHexString()).asText())
        .isEqualTo(legacy.encoded().toHexString());
    assertThat(rpc.result("eth_getBlockTransactionCountByNumber", "0x1").asText()).isEqualTo("0x3");
    assertThat(rpc.result("eth_getBlockTransactionCountByHash", two.hash().toHexString()).asText())
        .isEqualTo("0x1");
    assertThat(rpc.result("eth_getBlockTransactionCountByNumber", "0x9").isNull()).isTrue();
    assertThat(rpc.result("eth_getUncleCountByBlockNumber", "0x1").asText()).isEqualTo("0x0");
    assertThat(rpc.result("eth_getUncleCountByBlockHash", one.hash().toHexString()).asText())
        .isEqualTo("0x0");
    assertThat(rpc.result("eth_getUncleCountByBlockNumber", "0x9").isNull()).isTrue();
    assertThat(rpc.result("eth_getUncleByBlockNumberAndIndex", "0x1", "0x0").isNull()).isTrue();
  }

  @Test
  void shouldReturnReceiptsWithDerivedFields() {
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", transfer.hash().toHexString());
    assertThat(receipt.get("status").asText()).isEqualTo("0x1");
    assertThat(receipt.get("type").asText()).isEqualTo("0x2");
    assertThat(receipt.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(receipt.get("cumulativeGasUsed").asText()).isEqualTo("0x5208");
    assertThat(receipt.get("effectiveGasPrice").asText()).isEqualTo("0x6fc23ac0");
    assertThat(receipt.get("blockHash").asText()).isEqualTo(one.hash().toHexString());
    assertThat(receipt.get("blockNumber").asText()).isEqualTo("0x1");
    assertThat(receipt.get("contractAddress").isNull()).isTrue();
    assertThat(receipt.get("from").asText()).isEqualTo(chain.account(0).address().toHexString());
    assertThat(receipt.get("to").asText()).isEqualTo(recipient.toHexString());
    assertThat(receipt.get("logs")).isEmpty();
    assertThat(receipt.has("blobGasUsed")).isFalse();

    JsonNode second = rpc.result("eth_getTransactionReceipt", legacy.hash().toHexString());
    assertThat(second.get("cumulativeGasUsed").asText()).isEqualTo("0xa410");
    assertThat(second.get("gasUsed").asText()).isEqualTo("0x5208");
    assertThat(second.get("effectiveGasPrice").asText()).isEqualTo("0x2540be400");

    JsonNode created = rpc.result("eth_getTransactionReceipt", deploy.hash().toHexString());
    assertThat(created.get("contractAddress").asText())
        .isEqualTo(FrameRunner.createAddress(chain.account(2).address(), 0).toHexString());
    assertThat(created.get("to").isNull()).isTrue();

    JsonNode withLog = rpc.result("eth_getTransactionReceipt", logCall.hash().toHexString());
    JsonNode log = withLog.get("logs").get(0);
    assertThat(log.get("topics").get(0).asText()).isEqualTo(Contracts.STORED_TOPIC.toHexString());
    assertThat(log.get("data").asText()).isEqualTo(Contracts.word(5).toHexString());
    assertThat(log.get("logIndex").asText()).isEqualTo("0x0");
    assertThat(log.get("transactionIndex").asText()).isEqualTo("0x0");
    assertThat(log.get("blockHash").asText()).isEqualTo(two.hash().toHexString());
    assertThat(log.get("blockNumber").asText()).isEqualTo("0x2");
    assertThat(log.get("transactionHash").asText()).isEqualTo(logCall.hash().toHexString());
    assertThat(log.get("removed").asBoolean()).isFalse();
    assertThat(List.of(log.fieldNames()).isEmpty()).isFalse();
  }

  @Test
  void shouldHideReceiptsUntilTheBlockIsSealed() {
    Transaction pending = Txs.transfer(chain.account(0), 1, recipient, Wei.of(1));
    submit(pending);
    chain.mineMiniBlock();
    assertThat(rpc.result("eth_getTransactionReceipt", pending.hash().toHexString()).isNull())
        .isTrue();
    assertThat(rpc.result("eth_getTransactionByHash", pending.hash().toHexString()).isNull())
        .isTrue();
    chain.seal();
    assertThat(rpc.result("eth_getTransactionReceipt", pending.hash().toHexString()).isNull())
        .isFalse();
  }

  @Test
  void shouldReturnAllReceiptsOfABlock() {
    JsonNode receipts = rpc.result("eth_getBlockReceipts", "0x1");
    assertThat(receipts).hasSize(3);
    assertThat(receipts.get(2).get("transactionIndex").asText()).isEqualTo("0x2");
    assertThat(rpc.result("eth_getBlockReceipts", Map.of("blockHash", two.hash().toHexString())))
        .hasSize(1);
    assertThat(rpc.result("eth_getBlockReceipts", "0x0")).isEmpty();
    assertThat(rpc.result("eth_getBlockReceipts", "0x63").isNull()).isTrue();
  }
}
