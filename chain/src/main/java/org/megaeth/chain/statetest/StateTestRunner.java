package org.megaeth.chain.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Log;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;

/**
 * Runs one GeneralStateTests case the way geth's state-test runner does: the pre-state in memory,
 * the environment from {@code env} (BLOCKHASH(n) = keccak of n in decimal), the transaction from
 * {@code txbytes}, then compares the post-state root and the logs hash, or checks the transaction
 * is refused when {@code expectException} says so. Thread-safe: cases may run in parallel.
 */
public final class StateTestRunner {
  private static final long CHAIN_ID = 1;

  private final Fork fork;
  private final TransactionProcessor processor;

  public StateTestRunner(Fork fork) {
    this.fork = fork;
    this.processor = new TransactionProcessor(EvmSpec.of(fork), new CodeCache(4096));
  }

  /** The runner for a fixture fork key ("Cancun", "Prague"); the EVM must support that fork. */
  public static StateTestRunner forFixtureFork(String name) throws StateTestException {
    Fork fork =
        Fork.fromTestName(name)
            .orElseThrow(() -> new StateTestException("unknown fork \"" + name + "\""));
    try {
      return new StateTestRunner(fork);
    } catch (IllegalArgumentException unsupported) {
      throw new StateTestException(
          "fork " + name + " is not supported by this EVM: " + unsupported.getMessage());
    }
  }

  public Fork fork() {
    return fork;
  }

  public StateTestResult run(StateTestCase c) {
    try {
      return execute(c);
    } catch (RuntimeException crash) {
      // A bug in the node, not in the fixture: report it as a failure of this case and go on.
      return new StateTestResult.Failed(c, "crashed: " + crash);
    }
  }

  private StateTestResult execute(StateTestCase c) {
    JsonNode expected = c.expectation();
    boolean expectException = expected.has("expectException");
    InMemoryWorldState state = preState(c.body().get("pre"));
    BlockEnv block = blockEnv(c.body().get("env"));
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(Bytes.fromHexString(expected.get("txbytes").asText()));
    } catch (RuntimeException undecodable) {
      return expectException
          ? new StateTestResult.Passed(c)
          : new StateTestResult.Failed(c, "txbytes do not decode: " + undecodable.getMessage());
    }
    TransactionResult result = processor.validateAndProcess(state, block, tx, null);
    if (result instanceof TransactionResult.Invalid invalid) {
      return expectException
          ? new StateTestResult.Passed(c)
          : new StateTestResult.Failed(
              c, "transaction refused (" + invalid.reason().message() + "), none expected");
    }
    if (expectException) {
      return new StateTestResult.Failed(
          c, "transaction executed, expected " + expected.get("expectException").asText());
    }
    TransactionResult.Executed executed = (TransactionResult.Executed) result;
    String logs = logsHash(executed.logs()).toHexString();
    String root = StateRoot.of(state).toHexString();
    String expectedRoot = expected.get("hash").asText().toLowerCase(Locale.ROOT);
    String expectedLogs = expected.get("logs").asText().toLowerCase(Locale.ROOT);
    if (root.equals(expectedRoot) && logs.equals(expectedLogs)) {
      return new StateTestResult.Passed(c);
    }
    return new StateTestResult.Failed(
        c,
        "expected root %s logs %s, got root %s logs %s (success %s, gas used %d, halt %s)"
            .formatted(
                expectedRoot,
                expectedLogs,
                root,
                logs,
                executed.success(),
                executed.gasUsed(),
                executed.haltReason().map(Object::toString).orElse("none")));
  }

  /** keccak256(rlp(logs)), the {@code logs} field of a state test. */
  public static Hash logsHash(List<Log> logs) {
    return Keccak.hash(Rlp.encodeList(w -> logs.forEach(log -> log.writeTo(w))));
  }

  private static InMemoryWorldState preState(JsonNode pre) {
    InMemoryWorldState state = new InMemoryWorldState();
    for (Map.Entry<String, JsonNode> entry : pre.properties()) {
      JsonNode account = entry.getValue();
      Map<UInt256, UInt256> storage = new HashMap<>();
      for (Map.Entry<String, JsonNode> slot : account.path("storage").properties()) {
        storage.put(
            UInt256.fromHexString(slot.getKey()), UInt256.fromHexString(slot.getValue().asText()));
      }
      state.putAccount(
          Address.fromHex(entry.getKey().toLowerCase(Locale.ROOT)),
          UInt256.fromHexString(account.get("nonce").asText()).u0(),
          UInt256.fromHexString(account.get("balance").asText()),
          Hex.decodeLenient(account.get("code").asText()),
          storage);
    }
    return state;
  }

  private BlockEnv blockEnv(JsonNode env) {
    long excess = UInt256.fromHexString(env.path("currentExcessBlobGas").asText("0x0")).u0();
    long fraction =
        fork.isAtLeast(Fork.PRAGUE)
            ? BlockEnv.BLOB_BASE_FEE_UPDATE_FRACTION_PRAGUE
            : BlockEnv.BLOB_BASE_FEE_UPDATE_FRACTION_CANCUN;
    return new BlockEnv(
        Address.fromHex(env.get("currentCoinbase").asText().toLowerCase(Locale.ROOT)),
        number(env.get("currentNumber")),
        number(env.get("currentTimestamp")),
        number(env.get("currentGasLimit")),
        Hash.wrap(UInt256.fromHexString(env.path("currentRandom").asText("0x0")).toBytes32()),
        UInt256.fromHexString(env.path("currentBaseFee").asText("0x0")),
        BlockEnv.blobBaseFee(excess, fraction),
        CHAIN_ID,
        n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  /** Fixture numbers beyond 2^63-1 (a few tests use huge gas limits) saturate. */
  private static long number(JsonNode node) {
    UInt256 v = UInt256.fromHexString(node.asText());
    return v.fitsLong() ? v.u0() : Long.MAX_VALUE;
  }
}
