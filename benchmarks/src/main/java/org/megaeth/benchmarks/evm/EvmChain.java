package org.megaeth.benchmarks.evm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.IntrinsicGas;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.ExecutionContext;
import org.megaeth.evm.TxEnv;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.frame.Substate;
import org.megaeth.evm.state.InMemoryWorldState;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;

/**
 * A chain of one block held in memory: an {@link InMemoryWorldState}, a {@link
 * TransactionProcessor} for Cancun and the block every transaction runs in. Transactions are
 * EIP-1559 ones with the sender given, not recovered: sender recovery happens at ingress, so the
 * benchmarks hand the processor a pre-built {@link TransactionValidity.Valid}. The ethereumjs side
 * ({@code evm-compare/ethereumjs-bench.mjs}) sets up the same block, keys and balances.
 */
final class EvmChain {
  static final Fork FORK = Fork.CANCUN;
  static final long CHAIN_ID = 1;
  static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c0ffee00");
  static final long TIMESTAMP = 1_700_000_000L;
  static final long BASE_FEE = 7;
  static final long MAX_PRIORITY_FEE = 2;
  static final long MAX_FEE = 100;

  /** Every funded account starts with 10^24 wei. */
  static final UInt256 INITIAL_ETH = UInt256.fromBigInteger(BigInteger.TEN.pow(24));

  static final BlockEnv BLOCK =
      new BlockEnv(
          COINBASE,
          1,
          TIMESTAMP,
          1_000_000_000L,
          Hash.ZERO,
          UInt256.valueOf(BASE_FEE),
          UInt256.ONE,
          CHAIN_ID,
          n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));

  /** A transaction ready for {@link TransactionProcessor#process}. */
  record Prepared(DynamicFeeTransaction tx, TransactionValidity.Valid valid) {}

  final InMemoryWorldState world = new InMemoryWorldState();
  final TransactionProcessor processor =
      new TransactionProcessor(EvmSpec.of(FORK), new CodeCache(1024));
  private final Map<Address, Long> nextNonce = new HashMap<>();

  /** Gas used by every transaction executed so far (setup included). */
  long gasUsedTotal;

  /** The address of secret key {@code secret} (a small integer, as on the ethereumjs side). */
  static Address account(long secret) {
    byte[] key = new byte[32];
    UInt256.valueOf(secret).writeTo(key, 0);
    return KeyPair.of(SecretKey.of(key)).address();
  }

  /** Creates {@code address} with {@link #INITIAL_ETH} (genesis allocation). */
  void fund(Address address) {
    world.putAccount(address, 0, INITIAL_ETH, new byte[0], Map.of());
    world.commitTransaction();
    nextNonce.put(address, 0L);
  }

  /**
   * A call from {@code sender} that has no nonce yet: {@link #next} gives it one. Templates share
   * their data and their {@link TransactionValidity.Valid}, so a pre-built transaction is one small
   * record.
   */
  Prepared template(Address sender, Optional<Address> to, byte[] data, long gasLimit) {
    DynamicFeeTransaction tx =
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(CHAIN_ID)),
            0,
            Wei.of(MAX_PRIORITY_FEE),
            Wei.of(MAX_FEE),
            gasLimit,
            to,
            Wei.ZERO,
            Bytes.wrap(data),
            List.of(),
            TransactionSigner.UNSIGNED);
    return new Prepared(tx, new TransactionValidity.Valid(sender, IntrinsicGas.of(tx, FORK)));
  }

  /**
   * {@code template} with the sender's next nonce. Transactions must be processed in the order they
   * were numbered.
   */
  Prepared next(Prepared template) {
    Address sender = template.valid().sender();
    long nonce = nextNonce.merge(sender, 1L, Long::sum) - 1;
    DynamicFeeTransaction t = template.tx();
    DynamicFeeTransaction tx =
        new DynamicFeeTransaction(
            t.chainId(),
            nonce,
            t.maxPriorityFeePerGas(),
            t.maxFeePerGas(),
            t.gasLimit(),
            t.to(),
            t.value(),
            t.data(),
            t.accessList(),
            t.signature());
    return new Prepared(tx, template.valid());
  }

  /** Processes {@code p}; throws when the processor refuses it. */
  TransactionResult.Executed execute(Prepared p) {
    TransactionResult result = processor.process(world, BLOCK, p.tx(), p.valid(), null);
    if (!(result instanceof TransactionResult.Executed executed)) {
      throw new IllegalStateException("transaction refused: " + result);
    }
    gasUsedTotal += executed.gasUsed();
    return executed;
  }

  /** Sends a call and insists that it succeeds. */
  TransactionResult.Executed send(Address sender, Address to, byte[] data, long gasLimit) {
    TransactionResult.Executed executed =
        execute(next(template(sender, Optional.of(to), data, gasLimit)));
    if (!executed.success()) {
      throw new IllegalStateException("call to " + to + " failed: " + executed);
    }
    return executed;
  }

  /** Runs {@code initCode} (with ABI-encoded constructor arguments appended) as a creation. */
  Address deploy(Address sender, byte[] initCode, byte[] constructorArgs) {
    byte[] data = new byte[initCode.length + constructorArgs.length];
    System.arraycopy(initCode, 0, data, 0, initCode.length);
    System.arraycopy(constructorArgs, 0, data, initCode.length, constructorArgs.length);
    TransactionResult.Executed executed =
        execute(next(template(sender, Optional.empty(), data, 10_000_000)));
    if (!executed.success()) {
      throw new IllegalStateException("deployment failed: " + executed);
    }
    return executed.createdAddress().orElseThrow();
  }

  /** An eth_call: runs a static call from {@link #COINBASE} and undoes whatever it did. */
  byte[] view(Address to, byte[] data) {
    int snapshot = world.snapshot();
    try {
      EvmSpec spec = processor.spec();
      Substate substate = new Substate();
      substate.warmAddress(to);
      ExecutionContext context =
          new ExecutionContext(
              spec,
              BLOCK,
              new TxEnv(COINBASE, UInt256.ZERO, List.of()),
              world,
              substate,
              new CodeCache(16),
              null);
      MessageResult result =
          new FrameRunner(context).call(COINBASE, to, UInt256.ZERO, data, 10_000_000, true);
      if (!result.isSuccess()) {
        throw new IllegalStateException("view call to " + to + " failed");
      }
      return result.output();
    } finally {
      world.revertToSnapshot(snapshot);
      world.commitTransaction();
    }
  }

  UInt256 balanceOf(Address token, Address holder) {
    return Abi.uint(view(token, Abi.call("balanceOf(address)", holder)), 0);
  }
}
