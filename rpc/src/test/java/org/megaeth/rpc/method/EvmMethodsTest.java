package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.testing.Contracts;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** eth_call, eth_estimateGas and eth_createAccessList on the real EVM. */
class EvmMethodsTest {
  private final RpcHarness rpc = RpcHarness.create();
  private final TestChain chain = rpc.chain();
  private final Address deployer = chain.account(0).address();
  private Address store;
  private Address reverter;
  private Address panicker;
  private Address guard;
  private Address env;

  @BeforeEach
  void deploy() {
    List<Bytes> runtimes =
        List.of(
            Contracts.storeAndLog(),
            Contracts.revertWith("user error"),
            Contracts.panic(1),
            Contracts.gasGuard(),
            Contracts.environment());
    for (int i = 0; i < runtimes.size(); i++) {
      submit(Txs.create(chain.account(0), i, Contracts.deployer(runtimes.get(i))));
    }
    chain.mineAndSeal();
    store = FrameRunner.createAddress(deployer, 0);
    reverter = FrameRunner.createAddress(deployer, 1);
    panicker = FrameRunner.createAddress(deployer, 2);
    guard = FrameRunner.createAddress(deployer, 3);
    env = FrameRunner.createAddress(deployer, 4);
  }

  @AfterEach
  void close() {
    rpc.close();
  }

  private void submit(Transaction tx) {
    chain.submit(PooledTransaction.of(tx)).join();
  }

  private static Map<String, Object> tx(Object... fields) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      map.put((String) fields[i], fields[i + 1]);
    }
    return map;
  }

  @Test
  void shouldReturnTheCallsOutput() {
    JsonNode result =
        rpc.result(
            "eth_call",
            tx("to", store.toHexString(), "input", Contracts.word(9).toHexString()),
            "latest");
    assertThat(result.asText()).isEqualTo(Contracts.word(9).toHexString());
    // A call changes nothing.
    assertThat(rpc.result("eth_getStorageAt", store.toHexString(), "0x0").asText())
        .isEqualTo("0x" + "0".repeat(64));
  }

  @Test
  void shouldRunAtTheNewestMiniBlockAndSeeItsEnvironment() {
    submit(Txs.invoke(chain.account(1), 0, env, Bytes.EMPTY));
    chain.mineMiniBlock();
    String out =
        rpc.result(
                "eth_call",
                tx("from", chain.account(3).address().toHexString(), "to", env.toHexString()))
            .asText();
    byte[] words = Hex.decode(out);
    assertThat(words).hasSize(192);
    assertThat(word(words, 0)).isEqualTo(2); // the block being built
    assertThat(word(words, 4)).isEqualTo(TestChain.CHAIN_ID);
    assertThat(Hex.encode(java.util.Arrays.copyOfRange(words, 108, 128)))
        .isEqualTo(chain.account(3).address().toHexString());
    // At a sealed block, the call sees that block.
    byte[] atOne = Hex.decode(rpc.result("eth_call", tx("to", env.toHexString()), "0x1").asText());
    assertThat(word(atOne, 0)).isEqualTo(1);
  }

  private static long word(byte[] words, int index) {
    long v = 0;
    for (int i = 24; i < 32; i++) {
      v = (v << 8) | (words[index * 32 + i] & 0xff);
    }
    return v;
  }

  @Test
  void shouldReportRevertsAsGethWithReasonAndData() {
    JsonNode error = rpc.error("eth_call", tx("to", reverter.toHexString()), "latest");
    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("message").asText()).isEqualTo("execution reverted: user error");
    assertThat(error.get("data").asText()).isEqualTo(Hex.encode(Contracts.errorData("user error")));

    JsonNode panic = rpc.error("eth_call", tx("to", panicker.toHexString()), "latest");
    assertThat(panic.get("code").asInt()).isEqualTo(3);
    assertThat(panic.get("message").asText()).isEqualTo("execution reverted: assert(false)");
    assertThat(panic.get("data").asText()).isEqualTo("0x4e487b71" + "0".repeat(63) + "1");

    JsonNode bare = rpc.error("eth_call", tx("to", guard.toHexString(), "gas", "0x7530"), "latest");
    assertThat(bare.get("code").asInt()).isEqualTo(3);
    assertThat(bare.get("message").asText()).isEqualTo("execution reverted");
    assertThat(bare.get("data").asText()).isEqualTo("0x");
  }

  @Test
  void shouldApplyStateOverrides() {
    Map<String, Object> override =
        Map.of(
            store.toHexString(),
            Map.of(
                "code",
                Contracts.environment().toHexString(),
                "stateDiff",
                Map.of("0x" + "0".repeat(64), "0x" + "0".repeat(62) + "77")));
    byte[] out =
        Hex.decode(
            rpc.result("eth_call", tx("to", store.toHexString()), "latest", override).asText());
    assertThat(word(out, 5)).isEqualTo(0x77);

    Address poor = Address.ofNumber(0x1234);
    JsonNode broke =
        rpc.error(
            "eth_call",
            tx("from", poor.toHexString(), "to", store.toHexString(), "value", "0x1"),
            "latest");
    assertThat(broke.get("code").asInt()).isEqualTo(-32000);
    assertThat(broke.get("message").asText())
        .startsWith("err: insufficient funds for gas * price + value: address ")
        .endsWith("(supplied gas 30000000)");
    JsonNode funded =
        rpc.result(
            "eth_call",
            tx("from", poor.toHexString(), "to", store.toHexString(), "value", "0x1"),
            "latest",
            Map.of(poor.toHexString(), Map.of("balance", "0x10")));
    assertThat(funded.asText()).isEqualTo(Contracts.word(0).toHexString());
  }

  @Test
  void shouldApplyBlockOverrides() {
    byte[] out =
        Hex.decode(
            rpc.result(
                    "eth_call",
                    tx("to", env.toHexString()),
                    "latest",
                    null,
                    Map.of("number", "0x99", "time", "0x1234"))
                .asText());
    assertThat(word(out, 0)).isEqualTo(0x99);
    assertThat(word(out, 1)).isEqualTo(0x1234);
  }

  @Test
  void shouldRefuseConflictingArguments() {
    JsonNode both =
        rpc.error(
            "eth_call", tx("to", store.toHexString(), "data", "0x01", "input", "0x02"), "latest");
    assertThat(both.get("code").asInt()).isEqualTo(-32602);
    assertThat(both.get("message").asText()).contains("both \"data\" and \"input\" are set");
    JsonNode fees =
        rpc.error(
            "eth_call",
            tx("to", store.toHexString(), "gasPrice", "0x1", "maxFeePerGas", "0x1"),
            "latest");
    assertThat(fees.get("message").asText())
        .contains("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
  }

  @Test
  void shouldReportHaltsWithGethsWords() {
    JsonNode oog =
        rpc.error(
            "eth_call",
            tx(
                "to",
                store.toHexString(),
                "input",
                Contracts.word(1).toHexString(),
                "gas",
                "0x5400"),
            "latest");
    assertThat(oog.get("code").asInt()).isEqualTo(-32000);
    assertThat(oog.get("message").asText()).isEqualTo("out of gas");
    JsonNode intrinsic =
        rpc.error("eth_call", tx("to", store.toHexString(), "gas", "0x100"), "latest");
    assertThat(intrinsic.get("message").asText())
        .as("geth's state transition words, not its pool's")
        .isEqualTo("err: intrinsic gas too low: have 256, want 21000 (supplied gas 256)");
  }

  @Test
  void shouldNameTheSenderWhenACallsFeeCapIsBelowTheBaseFee() {
    JsonNode lowCap =
        rpc.error(
            "eth_call",
            tx("from", deployer.toHexString(), "to", store.toHexString(), "maxFeePerGas", "0x1"),
            "latest");
    assertThat(lowCap.get("code").asInt()).isEqualTo(-32000);
    assertThat(lowCap.get("message").asText())
        .matches(
            "^err: max fee per gas less than block base fee: address "
                + "0x[0-9a-fA-F]{40}, maxFeePerGas: 1, baseFee: [1-9][0-9]* \\(supplied gas \\d+\\)$");
    assertThat(lowCap.get("message").asText().toLowerCase(java.util.Locale.ROOT))
        .contains(deployer.toHexString().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void shouldEstimateATransferAt21000() {
    assertThat(
            rpc.result(
                    "eth_estimateGas",
                    tx(
                        "from",
                        deployer.toHexString(),
                        "to",
                        Address.ofNumber(0xbeef).toHexString(),
                        "value",
                        "0x1"))
                .asText())
        .isEqualTo("0x5208");
  }

  @Test
  void shouldEstimateEnoughGasForACallThatChecksItsGas() {
    long estimate =
        Long.decode(
            rpc.result(
                    "eth_estimateGas",
                    tx("from", deployer.toHexString(), "to", guard.toHexString()))
                .asText());
    assertThat(estimate).isGreaterThan(121_000);
    // The estimate works, and not much less would (within geth's 1.5% tolerance).
    assertThat(
            rpc.call(
                    "eth_call",
                    tx("to", guard.toHexString(), "gas", "0x" + Long.toHexString(estimate)),
                    "latest")
                .has("error"))
        .isFalse();
    long less = (long) (estimate * 0.97);
    assertThat(
            rpc.call(
                    "eth_call",
                    tx("to", guard.toHexString(), "gas", "0x" + Long.toHexString(less)),
                    "latest")
                .has("error"))
        .isTrue();
  }

  @Test
  void shouldReportTheRevertWhenNoGasWouldDo() {
    JsonNode error =
        rpc.error(
            "eth_estimateGas", tx("from", deployer.toHexString(), "to", reverter.toHexString()));
    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("message").asText()).isEqualTo("execution reverted: user error");
  }

  @Test
  void shouldEstimateAtMostTheCallersAllowance() {
    Address poor = Address.ofNumber(0x4321);
    JsonNode error =
        rpc.error(
            "eth_estimateGas",
            tx(
                "from",
                poor.toHexString(),
                "to",
                store.toHexString(),
                "input",
                Contracts.word(1).toHexString(),
                "maxFeePerGas",
                "0x3b9aca00"),
            "latest",
            Map.of(
                poor.toHexString(),
                Map.of("balance", "0x" + Long.toHexString(30_000L * 1_000_000_000L))));
    assertThat(error.get("message").asText()).isEqualTo("gas required exceeds allowance (30000)");
  }

  @Test
  void shouldCreateTheAccessListOfACall() {
    JsonNode result =
        rpc.result(
            "eth_createAccessList",
            tx(
                "from",
                deployer.toHexString(),
                "to",
                store.toHexString(),
                "input",
                Contracts.word(3).toHexString()));
    // The recipient is excluded as an address, but its slot is listed under it.
    JsonNode list = result.get("accessList");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("address").asText()).isEqualTo(store.toHexString());
    assertThat(list.get(0).get("storageKeys").get(0).asText()).isEqualTo("0x" + "0".repeat(64));
    assertThat(Long.decode(result.get("gasUsed").asText())).isGreaterThan(21_000);
    assertThat(result.has("error")).isFalse();

    JsonNode failing =
        rpc.result(
            "eth_createAccessList",
            tx("from", deployer.toHexString(), "to", reverter.toHexString()));
    assertThat(failing.get("error").asText()).isEqualTo("execution reverted");
  }
}
