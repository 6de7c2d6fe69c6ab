package org.megaeth.rpc.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.util.TimeProvider;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.server.RpcServerConfig;
import org.megaeth.rpc.testing.Contracts;
import org.megaeth.rpc.testing.Rpc;
import org.megaeth.rpc.testing.RpcHarness;
import org.megaeth.rpc.testing.TestChain;
import org.megaeth.rpc.testing.Txs;

/** The per-call time limit and gas cap. */
class CallLimitsTest {
  /** JUMPDEST PUSH0 JUMP: loops until the gas runs out (millions of steps). */
  private static final Bytes LOOP = Bytes.fromHexString("0x5b5f56");

  private final TestChain chain = TestChain.create();

  /** The options' limits replace the defaults (the builder passed in holds the defaults). */
  private RpcHarness harness(Duration timeout, long gasCap) {
    return RpcHarness.create(
        chain,
        defaults ->
            RpcServerConfig.builder(
                Rpc.options().toBuilder().evmTimeout(timeout).gasCap(gasCap).build()),
        TimeProvider.SYSTEM);
  }

  private Address deployLoop() {
    chain
        .submit(PooledTransaction.of(Txs.create(chain.account(0), 0, Contracts.deployer(LOOP))))
        .join();
    chain.mineAndSeal();
    return FrameRunner.createAddress(chain.account(0).address(), 0);
  }

  @Test
  void shouldAbortACallPastTheTimeLimit() {
    Address loop = deployLoop();
    try (RpcHarness rpc = harness(Duration.ofNanos(1), 50_000_000)) {
      JsonNode error = rpc.error("eth_call", Map.of("to", loop.toHexString()), "latest");
      assertThat(error.get("code").asInt()).isEqualTo(-32000);
      assertThat(error.get("message").asText()).isEqualTo("execution aborted (timeout = 1ns)");
    }
  }

  @Test
  void shouldCapTheGasOfACall() {
    Address loop = deployLoop();
    try (RpcHarness rpc = harness(Duration.ofSeconds(30), 100_000)) {
      // Asking for more than the cap runs with the cap: out of gas, quickly.
      JsonNode error =
          rpc.error("eth_call", Map.of("to", loop.toHexString(), "gas", "0x3b9aca00"), "latest");
      assertThat(error.get("message").asText()).isEqualTo("out of gas");
      JsonNode estimate =
          rpc.error(
              "eth_estimateGas",
              Map.of("from", chain.account(0).address().toHexString(), "to", loop.toHexString()));
      assertThat(estimate.get("message").asText())
          .isEqualTo("gas required exceeds allowance (100000)");
    }
  }
}
