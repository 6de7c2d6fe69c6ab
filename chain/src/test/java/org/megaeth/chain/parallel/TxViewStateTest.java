package org.megaeth.chain.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.megaeth.chain.state.BlockState;
import org.megaeth.chain.statetest.StateTestCase;
import org.megaeth.chain.statetest.StateTestLoader;
import org.megaeth.chain.statetest.StateTestRunner;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.frame.ExecutionResources;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;
import org.megaeth.testsupport.Fixtures;
import org.megaeth.trie.state.WorldState;

/**
 * The ethereum/tests GeneralStateTests (Cancun) with each transaction executed ahead of its turn:
 * through a {@link TxView} over the overlay, then checked and applied to the block state as the
 * parallel executor does, then the post-state root and logs compared with the fixture's. This holds
 * the view to the EVM's full semantics, which the differential tests only sample.
 *
 * <p>Runs every 13th file by default, to keep the module's tests short; {@code
 * -Dmegaeth.txViewStateTests=all} runs them all.
 */
class TxViewStateTest {
  private static final String ROOT = "ethereum-tests/GeneralStateTests";
  private static final Fork FORK = Fork.CANCUN;
  private static final TransactionProcessor PROCESSOR =
      new TransactionProcessor(EvmSpec.of(FORK), new CodeCache(4096));

  @TestFactory
  Stream<DynamicTest> stateTestsThroughTheView() throws Exception {
    return Fixtures.dynamicTests(ROOT, TxViewStateTest::casesIn);
  }

  private static Stream<DynamicTest> casesIn(Path root) throws Exception {
    boolean all = System.getProperty("megaeth.txViewStateTests", "").equals("all");
    List<Path> files = StateTestLoader.files(root);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (all || i % 13 == 0) {
        for (StateTestCase c : StateTestLoader.cases(root, files.get(i), FORK.testName())) {
          tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(StateTestCase c) {
    JsonNode expected = c.expectation();
    boolean expectException = expected.has("expectException");
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(Bytes.fromHexString(expected.get("txbytes").asText()));
    } catch (RuntimeException undecodable) {
      assertThat(expectException).as("undecodable txbytes").isTrue();
      return;
    }
    WorldState trie = preState(c.body().get("pre"));
    JsonNode env = c.body().get("env");
    LongFunction<Hash> hashes =
        n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
    Address coinbase =
        Address.fromHex(env.get("currentCoinbase").asText().toLowerCase(Locale.ROOT));
    ConcurrentOverlay overlay = new ConcurrentOverlay(trie, false);
    BlockState state = new BlockState(overlay, false);
    TxView view = new TxView(overlay, coinbase, hashes);

    TransactionValidity validity = TransactionValidator.validate(tx, FORK, 1);
    TransactionResult result =
        validity instanceof TransactionValidity.Valid valid
            ? PROCESSOR.process(
                view, blockEnv(env, coinbase, view), tx, valid, null, new ExecutionResources())
            : new TransactionResult.Invalid((TransactionValidity.Invalid) validity);
    assertThat(view.abandoned()).isNull();
    if (result instanceof TransactionResult.Invalid) {
      assertThat(expectException).as("refused: " + result).isTrue();
      return;
    }
    assertThat(expectException).as("executed, expected a refusal").isFalse();
    assertThat(view.validate(state, hashes)).isTrue();
    view.applyTo(state);
    overlay.flush();
    TransactionResult.Executed executed = (TransactionResult.Executed) result;
    assertThat(StateTestRunner.logsHash(executed.logs()).toHexString())
        .isEqualTo(expected.get("logs").asText().toLowerCase(Locale.ROOT));
    assertThat(trie.computeRoot().toHexString())
        .isEqualTo(expected.get("hash").asText().toLowerCase(Locale.ROOT));
  }

  private static WorldState preState(JsonNode pre) {
    WorldState state = WorldState.create();
    for (Map.Entry<String, JsonNode> entry : pre.properties()) {
      JsonNode account = entry.getValue();
      Address address = Address.fromHex(entry.getKey().toLowerCase(Locale.ROOT));
      state.setNonce(address, UInt256.fromHexString(account.get("nonce").asText()).u0());
      state.setBalance(address, Wei.of(UInt256.fromHexString(account.get("balance").asText())));
      state.setCode(address, Bytes.wrap(Hex.decodeLenient(account.get("code").asText())));
      for (Map.Entry<String, JsonNode> slot : account.path("storage").properties()) {
        state.setStorage(
            address,
            UInt256.fromHexString(slot.getKey()),
            UInt256.fromHexString(slot.getValue().asText()));
      }
    }
    state.computeRoot();
    return state;
  }

  private static BlockEnv blockEnv(JsonNode env, Address coinbase, LongFunction<Hash> hashes) {
    long excess = UInt256.fromHexString(env.path("currentExcessBlobGas").asText("0x0")).u0();
    return new BlockEnv(
        coinbase,
        number(env.get("currentNumber")),
        number(env.get("currentTimestamp")),
        number(env.get("currentGasLimit")),
        Hash.wrap(UInt256.fromHexString(env.path("currentRandom").asText("0x0")).toBytes32()),
        UInt256.fromHexString(env.path("currentBaseFee").asText("0x0")),
        BlockEnv.blobBaseFee(excess, BlockEnv.BLOB_BASE_FEE_UPDATE_FRACTION_CANCUN),
        1,
        hashes);
  }

  private static long number(JsonNode node) {
    UInt256 v = UInt256.fromHexString(node.asText());
    return v.fitsLong() ? v.u0() : Long.MAX_VALUE;
  }
}
