package org.megaeth.evm.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.IntrinsicGas;
import org.megaeth.core.tx.TransactionInvalid;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.evm.testutil.EvmHarness;

class TransactionProcessorTest {
  private static final KeyPair SENDER =
      KeyPair.of(
          SecretKey.fromHex("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8"));
  private static final Address TO = Address.ofNumber(0x1234);
  private static final long BASE_FEE = 7; // EvmHarness.block()

  private final TransactionProcessor processor =
      new TransactionProcessor(EvmSpec.of(Fork.CANCUN), new CodeCache(16));
  private final InMemoryWorldState world = new InMemoryWorldState();
  private final BlockEnv block = EvmHarness.block();

  private static DynamicFeeTransaction tx(
      long nonce, long gas, long value, Optional<Address> to, String data) {
    DynamicFeeTransaction unsigned =
        new DynamicFeeTransaction(
            Optional.of(UInt256.ONE),
            nonce,
            Wei.of(2),
            Wei.of(100),
            gas,
            to,
            Wei.of(value),
            Bytes.fromHexString(data),
            List.of(),
            TransactionSigner.UNSIGNED);
    return TransactionSigner.sign(unsigned, SENDER.secretKey());
  }

  private void fund(long wei) {
    world.putAccount(SENDER.address(), 0, UInt256.valueOf(wei), new byte[0], Map.of());
  }

  @Test
  void shouldMoveValueAndPayFeesWhenTransferring() {
    fund(10_000_000);
    TransactionResult result =
        processor.validateAndProcess(
            world, block, tx(0, 21_000, 1000, Optional.of(TO), "0x"), null);
    assertThat(result).isInstanceOf(TransactionResult.Executed.class);
    TransactionResult.Executed executed = (TransactionResult.Executed) result;
    assertThat(executed.success()).isTrue();
    assertThat(executed.gasUsed()).isEqualTo(21_000);
    long price = BASE_FEE + 2;
    assertThat(world.getBalance(SENDER.address()))
        .isEqualTo(UInt256.valueOf(10_000_000 - 1000 - 21_000 * price));
    assertThat(world.getBalance(TO)).isEqualTo(UInt256.valueOf(1000));
    assertThat(world.getBalance(EvmHarness.COINBASE)).isEqualTo(UInt256.valueOf(21_000 * 2));
    assertThat(world.getNonce(SENDER.address())).isEqualTo(1);
    assertThat(executed.receipt(100).cumulativeGasUsed()).isEqualTo(21_100);
  }

  @Test
  void shouldRefuseWithGethWordsWhenNonceTooHigh() {
    fund(10_000_000);
    TransactionResult result =
        processor.validateAndProcess(world, block, tx(5, 21_000, 0, Optional.of(TO), "0x"), null);
    assertThat(result).isInstanceOf(TransactionResult.Invalid.class);
    assertThat(((TransactionResult.Invalid) result).reason().reason())
        .isEqualTo(TransactionInvalid.NONCE_TOO_HIGH);
    assertThat(world.getNonce(SENDER.address())).isZero();
  }

  @Test
  void shouldRefuseWhenBalanceBelowUpfrontCost() {
    fund(21_000 * 100 - 1);
    TransactionResult result =
        processor.validateAndProcess(world, block, tx(0, 21_000, 0, Optional.of(TO), "0x"), null);
    assertThat(((TransactionResult.Invalid) result).reason().reason())
        .isEqualTo(TransactionInvalid.INSUFFICIENT_FUNDS);
  }

  @Test
  void shouldRefuseWhenSenderHasCode() {
    world.putAccount(SENDER.address(), 0, UInt256.valueOf(10_000_000), new byte[] {0}, Map.of());
    TransactionResult result =
        processor.validateAndProcess(world, block, tx(0, 21_000, 0, Optional.of(TO), "0x"), null);
    assertThat(((TransactionResult.Invalid) result).reason().reason())
        .isEqualTo(TransactionInvalid.SENDER_NOT_EOA);
  }

  @Test
  void shouldCapRefundAtOneFifthWhenClearingStorage() {
    fund(100_000_000);
    // SSTORE(0, 0) and SSTORE(1, 0) over non-zero slots: refund 9600, capped at gasUsed / 5.
    world.putAccount(
        TO,
        1,
        UInt256.ZERO,
        Hex.decodeLenient("0x5f5f555f600155"),
        Map.of(UInt256.ZERO, UInt256.ONE, UInt256.ONE, UInt256.ONE));
    TransactionResult.Executed executed =
        (TransactionResult.Executed)
            processor.validateAndProcess(
                world, block, tx(0, 100_000, 0, Optional.of(TO), "0x"), null);
    long used = 21_000 + 2 + 2 + 5000 + 2 + 3 + 5000;
    assertThat(executed.refund()).isEqualTo(used / 5);
    assertThat(executed.gasUsed()).isEqualTo(used - used / 5);
    assertThat(world.getStorage(TO, UInt256.ZERO)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void shouldDeployContractWhenToIsEmpty() {
    fund(100_000_000);
    TransactionResult.Executed executed =
        (TransactionResult.Executed)
            processor.validateAndProcess(
                world, block, tx(0, 100_000, 0, Optional.empty(), "0x60fe5f5360015ff3"), null);
    assertThat(executed.success()).isTrue();
    Address created = executed.createdAddress().orElseThrow();
    assertThat(world.getCode(created)).containsExactly(0xfe);
    assertThat(world.getNonce(SENDER.address())).isEqualTo(1);
  }

  @Test
  void shouldRemoveTouchedEmptyAccountWhenTransactionEnds() {
    fund(10_000_000);
    world.putAccount(TO, 0, UInt256.ZERO, new byte[0], Map.of());
    processor.validateAndProcess(world, block, tx(0, 21_000, 0, Optional.of(TO), "0x"), null);
    assertThat(world.exists(TO)).isFalse(); // EIP-161
  }

  @Test
  void shouldKeepLogsOnlyWhenSuccessful() {
    fund(100_000_000);
    // LOG0(0, 0); then REVERT or STOP
    world.putAccount(TO, 1, UInt256.ZERO, Hex.decodeLenient("0x5f5fa05f5ffd"), Map.of());
    TransactionResult.Executed reverted =
        (TransactionResult.Executed)
            processor.validateAndProcess(
                world, block, tx(0, 100_000, 0, Optional.of(TO), "0x"), null);
    assertThat(reverted.success()).isFalse();
    assertThat(reverted.logs()).isEmpty();
    world.putAccount(TO, 1, UInt256.ZERO, Hex.decodeLenient("0x5f5fa000"), Map.of());
    TransactionResult.Executed ok =
        (TransactionResult.Executed)
            processor.validateAndProcess(
                world, block, tx(1, 100_000, 0, Optional.of(TO), "0x"), null);
    assertThat(ok.logs()).hasSize(1);
    assertThat(ok.logs().get(0).address()).isEqualTo(TO);
  }

  /**
   * Two threads share one processor, each with its own world. Every transaction records whether its
   * memory started empty and then leaves memory dirty: resources handed to two threads at once, or
   * not reset between transactions, would show in slot 1 or in the gas.
   */
  @Test
  void shouldGiveEachThreadCleanResourcesWhenProcessingConcurrently() throws Exception {
    // if MSIZE != 0: SSTORE(1, 1); then MSTORE(0x100, CALLDATALOAD(0))
    byte[] code = Hex.decodeLenient("0x5915600a5760016001555b5f356101005200");
    int perThread = 300;
    Callable<List<Long>> task =
        () -> {
          InMemoryWorldState own = new InMemoryWorldState();
          own.putAccount(SENDER.address(), 0, UInt256.valueOf(1L << 50), new byte[0], Map.of());
          own.putAccount(TO, 1, UInt256.ZERO, code, Map.of());
          List<Long> gas = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            DynamicFeeTransaction tx = tx(i, 100_000, 0, Optional.of(TO), "0x" + "ff".repeat(32));
            TransactionValidity.Valid valid =
                new TransactionValidity.Valid(SENDER.address(), IntrinsicGas.of(tx, Fork.CANCUN));
            TransactionResult.Executed executed =
                (TransactionResult.Executed) processor.process(own, block, tx, valid, null);
            assertThat(executed.success()).isTrue();
            gas.add(executed.gasUsed());
          }
          assertThat(own.getStorage(TO, UInt256.ONE)).isEqualTo(UInt256.ZERO);
          return gas;
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Long>> a = pool.submit(task);
      Future<List<Long>> b = pool.submit(task);
      assertThat(a.get()).isEqualTo(b.get()).hasSize(perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
