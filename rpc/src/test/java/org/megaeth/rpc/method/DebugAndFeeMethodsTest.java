package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** The debug namespace and eth_feeHistory. */
class DebugAndFeeMethodsTest {
  private final RpcHarness rpc = RpcHarness.create();
  private final TestChain chain = rpc.chain();

  @AfterEach
  void close() {
    rpc.close();
  }

  private BlockHeader transferBlock(int account, long nonce) {
    chain
        .submit(
            PooledTransaction.of(
                Txs.transfer(chain.account(account), nonce, Address.ofNumber(9), Wei.of(1))))
        .join();
    return chain.mineAndSeal();
  }

  @Test
  void shouldReturnRawEncodingsThatDecodeBack() {
    BlockHeader one = transferBlock(0, 0);
    Block block =
        Block.decode(Bytes.fromHexString(rpc.result("debug_getRawBlock", "0x1").asText()));
    assertThat(block.hash()).isEqualTo(one.hash());
    BlockHeader header =
        BlockHeader.decode(
            Bytes.fromHexString(rpc.result("debug_getRawHeader", "latest").asText()));
    assertThat(header).isEqualTo(one);
    JsonNode receipts = rpc.result("debug_getRawReceipts", one.hash().toHexString());
    assertThat(Receipt.decode(Bytes.fromHexString(receipts.get(0).asText())))
        .isEqualTo(chain.receipts(one.hash()).orElseThrow().get(0));
    assertThat(rpc.result("debug_getRawReceipts", "0x0")).isEmpty();
    JsonNode missing = rpc.error("debug_getRawBlock", "0x9");
    assertThat(missing.get("message").asText()).isEqualTo("block #9 not found");
    JsonNode bad = rpc.error("debug_getRawHeader", "2");
    assertThat(bad.get("message").asText())
        .isEqualTo("invalid argument 0: hex string without 0x prefix");
  }

  @Test
  void shouldReturnTheKeptWitnessOfABlock() {
    BlockHeader one = transferBlock(0, 0);
    JsonNode witness = rpc.result("debug_executionWitness", "0x1");
    assertThat(witness.get("state").size()).isPositive();
    assertThat(witness.get("keys").size()).isPositive();
    assertThat(witness.has("codes")).isTrue();
    assertThat(witness.has("headers")).isTrue();
    assertThat(chain.witness(one.hash()).orElseThrow().state())
        .hasSize(witness.get("state").size());
    chain.keepWitnesses(false);
    transferBlock(0, 1);
    assertThat(rpc.error("debug_executionWitness", "0x2").get("message").asText())
        .isEqualTo("the execution witness of block 2 is not kept");
  }

  @Test
  void shouldReportFeeHistoryWithRewards() {
    transferBlock(0, 0);
    transferBlock(1, 0);
    JsonNode history = rpc.result("eth_feeHistory", "0x2", "latest", List.of(25, 75));
    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x1");
    assertThat(history.get("baseFeePerGas")).hasSize(3);
    assertThat(history.get("baseFeePerGas").get(0).asText()).isEqualTo("0x342770c0");
    assertThat(history.get("gasUsedRatio")).hasSize(2);
    assertThat(history.get("gasUsedRatio").get(0).asDouble())
        .isEqualTo(21000.0 / TestChain.GAS_LIMIT);
    assertThat(history.get("reward").get(0).get(0).asText()).isEqualTo("0x3b9aca00");
    assertThat(history.get("baseFeePerBlobGas")).hasSize(3);
    assertThat(history.get("blobGasUsedRatio")).hasSize(2);

    JsonNode decimalCount = rpc.result("eth_feeHistory", 10, "0x2");
    assertThat(decimalCount.get("oldestBlock").asText()).isEqualTo("0x0");
    assertThat(decimalCount.has("reward")).isFalse();

    JsonNode noPercentiles = rpc.result("eth_feeHistory", "0x2", "latest", List.of());
    assertThat(noPercentiles.has("reward")).as("geth omits reward for []").isFalse();
  }

  @Test
  void shouldRefuseBadRewardPercentilesWithGethsError() {
    transferBlock(0, 0);
    JsonNode descending = rpc.error("eth_feeHistory", "0x1", "latest", List.of(50, 10));
    assertThat(descending.get("code").asInt()).isEqualTo(-32000);
    assertThat(descending.get("message").asText())
        .isEqualTo("invalid reward percentile: #0:50.000000 >= #1:10.000000");
    JsonNode repeated = rpc.error("eth_feeHistory", "0x1", "latest", List.of(50, 50));
    assertThat(repeated.get("message").asText())
        .isEqualTo("invalid reward percentile: #0:50.000000 >= #1:50.000000");
    JsonNode outOfRange = rpc.error("eth_feeHistory", "0x1", "latest", List.of(101));
    assertThat(outOfRange.get("code").asInt()).isEqualTo(-32000);
    assertThat(outOfRange.get("message").asText())
        .isEqualTo("invalid reward percentile: 101.000000");
  }
}
