package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;

/** web3, net and the simple eth methods, over a real chain. */
class BasicMethodsTest {
  private final RpcHarness rpc = RpcHarness.create();

  @AfterEach
  void close() {
    rpc.close();
  }

  @Test
  void shouldAnswerClientVersionLikeGeth() {
    assertThat(rpc.result("web3_clientVersion").asText())
        .matches("megaeth-node/v[^/]+/[^/]+/java\\d+");
  }

  @Test
  void shouldHashWithKeccakWhenAskedForSha3() {
    assertThat(rpc.result("web3_sha3", "0x68656c6c6f20776f726c64").asText())
        .isEqualTo("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
    assertThat(rpc.result("web3_sha3", "0x").asText())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void shouldRefuseSha3OfNonHex() {
    JsonNode error = rpc.error("web3_sha3", "hello");
    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText())
        .isEqualTo("invalid argument 0: hex string without 0x prefix");
  }

  @Test
  void shouldReportChainIdAndNetworkId() {
    assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
    assertThat(rpc.result("net_version").asText()).isEqualTo("1337");
    assertThat(rpc.result("net_listening").asBoolean()).isTrue();
    assertThat(rpc.result("net_peerCount").asText()).isEqualTo("0x0");
  }

  @Test
  void shouldReportTheSealedHeadAsBlockNumber() {
    TestChain chain = rpc.chain();
    assertThat(rpc.result("eth_blockNumber").asText()).isEqualTo("0x0");
    chain.seal();
    chain.seal();
    assertThat(rpc.result("eth_blockNumber").asText()).isEqualTo("0x2");
  }

  @Test
  void shouldNotBeSyncingAndHaveNoAccounts() {
    assertThat(rpc.result("eth_syncing").asBoolean()).isFalse();
    assertThat(rpc.result("eth_accounts").isArray()).isTrue();
    assertThat(rpc.result("eth_accounts")).isEmpty();
  }

  @Test
  void shouldSuggestFeesOnTopOfTheNextBaseFee() {
    long tip = Long.decode(rpc.result("eth_maxPriorityFeePerGas").asText());
    long price = Long.decode(rpc.result("eth_gasPrice").asText());
    assertThat(tip).isEqualTo(1_000_000);
    // The dev genesis base fee is 1 gwei; an empty genesis lowers the next one by 12.5%.
    assertThat(price).isEqualTo(875_000_000L + tip);
    assertThat(rpc.result("eth_blobBaseFee").asText()).isEqualTo("0x1");
  }

  @Test
  void shouldRefuseExtraArguments() {
    JsonNode error = rpc.error("eth_blockNumber", "latest");
    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText()).isEqualTo("too many arguments, want at most 0");
  }
}
