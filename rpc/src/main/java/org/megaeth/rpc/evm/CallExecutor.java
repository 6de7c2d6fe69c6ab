package org.megaeth.rpc.evm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlobSchedule;
import org.megaeth.core.api.BlockContext;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.StateView;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.IntrinsicGas;
import org.megaeth.core.tx.SetCodeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionInvalid;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.tracing.Tracer;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;

/**
 * Runs one call as geth's {@code eth_call} does: on a throwaway copy of a state, with the state and
 * block overrides applied, as a transaction from {@code from} (the zero address if none) whose
 * nonce is taken as the sender's and whose signature is not checked, with at most the gas cap.
 *
 * <p>A call that names no fee pays nothing, as in geth, where such a call skips the base fee check;
 * here the call runs with a base fee of zero (and a blob base fee of zero when it names no blob
 * fee), so the BASEFEE and BLOBBASEFEE instructions read 0 in such a call, as in anvil.
 *
 * <p>Thread-safe; each call has its own state.
 */
public final class CallExecutor {
  private static final int CODE_CACHE_ENTRIES = 1024;

  private final ChainReader chain;
  private final long gasCap;
  private final Map<Fork, TransactionProcessor> processors = new EnumMap<>(Fork.class);

  public CallExecutor(ChainReader chain, long gasCap) {
    this.chain = chain;
    this.gasCap = gasCap;
    CodeCache codes = new CodeCache(CODE_CACHE_ENTRIES);
    for (Fork fork : Fork.values()) {
      if (fork.isAtLeast(EvmSpec.OLDEST_SUPPORTED) && EvmSpec.NEWEST_SUPPORTED.isAtLeast(fork)) {
        processors.put(fork, new TransactionProcessor(EvmSpec.of(fork), codes));
      }
    }
  }

  public long gasCap() {
    return gasCap;
  }

  /** The precompile addresses of the fork a state's block is in. */
  public java.util.Set<Address> precompiles(StateView view) {
    Fork fork = chain.chainConfig().forkAt(view.block().number(), view.block().timestamp());
    TransactionProcessor processor = processors.get(fork);
    return processor == null ? java.util.Set.of() : processor.spec().precompiles().keySet();
  }

  /** A prepared call: the transaction, its sender, and the block it runs in. */
  record Prepared(Transaction tx, Address sender, BlockEnv env, Fork fork) {}

  /**
   * Runs {@code args} on {@code view}.
   *
   * @param tracer observes (and can abort) execution; null for none
   */
  public CallOutcome call(
      StateView view,
      CallArgs args,
      Map<Address, StateOverride> overrides,
      BlockOverrides blockOverrides,
      Tracer tracer) {
    CallState state = new CallState(view);
    applyOverrides(state, overrides);
    return run(view, state, args, blockOverrides, tracer);
  }

  /** The gas a call gets when it names none: the cap, at most the block's gas limit. */
  public long defaultGas(StateView view, BlockOverrides blockOverrides) {
    long blockGasLimit = blockOverrides.gasLimit().orElse(view.block().gasLimit());
    return Long.compareUnsigned(blockGasLimit, gasCap) < 0 ? blockGasLimit : gasCap;
  }

  private CallOutcome run(
      StateView view,
      CallState state,
      CallArgs args,
      BlockOverrides blockOverrides,
      Tracer tracer) {
    BlockContext block = view.block();
    long number = blockOverrides.number().orElse(block.number());
    long time = blockOverrides.time().orElse(block.timestamp());
    Fork fork = chain.chainConfig().forkAt(number, time);
    TransactionProcessor processor = processors.get(fork);
    if (processor == null) {
      return new CallOutcome.Invalid(
          "block %d is %s, which this node cannot execute".formatted(number, fork.testName()),
          Optional.empty());
    }
    long gas =
        args.gas()
            .map(g -> Long.compareUnsigned(g, gasCap) > 0 ? gasCap : g)
            .orElse(defaultGas(view, blockOverrides));
    Wei feeCap = args.gasPrice().or(args::maxFeePerGas).orElse(Wei.ZERO);
    Wei tip = args.gasPrice().or(args::maxPriorityFeePerGas).orElse(Wei.ZERO);
    boolean paysNothing = feeCap.isZero() && tip.isZero();
    Wei blobFeeCap = args.maxFeePerBlobGas().orElse(Wei.ZERO);
    Address sender = args.from().orElse(Address.ZERO);
    long chainId = chain.chainConfig().chainId();
    Transaction tx;
    try {
      tx =
          transaction(
              args,
              chainId,
              state.getNonce(sender),
              feeCap,
              tip,
              blobFeeCap,
              gas,
              args.input().orElse(Bytes.EMPTY));
    } catch (IllegalArgumentException e) {
      return new CallOutcome.Invalid(e.getMessage(), Optional.empty());
    }
    Optional<TransactionValidity.Invalid> invalid =
        TransactionValidator.checkWithoutSignature(tx, fork, chainId);
    if (invalid.isPresent()) {
      return invalid(executionWording(invalid.get(), tx, fork, sender, UInt256.ZERO), gas);
    }
    UInt256 baseFee =
        paysNothing ? UInt256.ZERO : blockOverrides.baseFeePerGas().orElse(block.baseFee()).value();
    UInt256 blobBaseFee =
        blobFeeCap.isZero()
            ? UInt256.ZERO
            : blockOverrides
                .blobBaseFee()
                .map(Wei::value)
                .orElseGet(() -> BlobSchedule.of(fork).blobBaseFee(block.excessBlobGas()));
    long blockGasLimit = blockOverrides.gasLimit().orElse(block.gasLimit());
    BlockEnv env =
        new BlockEnv(
            blockOverrides.feeRecipient().orElse(block.coinbase()),
            number,
            time,
            // A call may ask for more gas than a block holds (up to the cap), as in geth.
            Long.compareUnsigned(gas, blockGasLimit) > 0 ? gas : blockGasLimit,
            blockOverrides.prevRandao().orElse(block.prevRandao()),
            baseFee,
            blobBaseFee,
            chainId,
            ancestor -> blockHash(block, ancestor));
    state.hideCodeUntilFirstWrite(sender);
    TransactionResult result =
        processor.process(
            state,
            env,
            tx,
            new TransactionValidity.Valid(sender, IntrinsicGas.of(tx, fork)),
            tracer);
    return switch (result) {
      case TransactionResult.Invalid bad ->
          invalid(executionWording(bad.reason(), tx, fork, sender, baseFee), gas);
      case TransactionResult.Executed done ->
          new CallOutcome.Executed(
              done.success(),
              done.output(),
              done.gasUsed(),
              done.refund(),
              done.haltReason(),
              done.createdAddress());
    };
  }

  /**
   * A refusal in the words geth's state transition uses for a message ({@code
   * core/state_transition.go}), which differ from its pool's for some reasons: {@code have X, want
   * Y} for too little gas, and the sender's address for a fee cap below the base fee.
   */
  private static TransactionValidity.Invalid executionWording(
      TransactionValidity.Invalid invalid,
      Transaction tx,
      Fork fork,
      Address sender,
      UInt256 baseFee) {
    String gas = Long.toUnsignedString(tx.gasLimit());
    String detail =
        switch (invalid.reason()) {
          case INTRINSIC_GAS_TOO_LOW ->
              "have %s, want %d".formatted(gas, IntrinsicGas.of(tx, fork));
          case FLOOR_DATA_GAS_TOO_LOW ->
              "have %s, want %d".formatted(gas, IntrinsicGas.floorDataGas(tx, fork));
          case FEE_CAP_TOO_LOW ->
              "address %s, maxFeePerGas: %s, baseFee: %s"
                  .formatted(sender, tx.maxFeePerGas().value(), baseFee);
          default -> invalid.detail();
        };
    return new TransactionValidity.Invalid(invalid.reason(), detail);
  }

  /** geth's form for a call that cannot run: {@code err: <reason> (supplied gas N)}. */
  private static CallOutcome invalid(TransactionValidity.Invalid invalid, long gas) {
    return new CallOutcome.Invalid(
        "err: %s (supplied gas %s)".formatted(invalid.message(), Long.toUnsignedString(gas)),
        Optional.of(invalid.reason()));
  }

  private static Transaction transaction(
      CallArgs args,
      long chainId,
      long nonce,
      Wei feeCap,
      Wei tip,
      Wei blobFeeCap,
      long gas,
      Bytes input) {
    Optional<UInt256> chain = Optional.of(UInt256.valueOf(chainId));
    Wei value = args.value().orElse(Wei.ZERO);
    List<AccessListEntry> accessList = args.accessList().orElse(List.of());
    if (args.authorizationList().isPresent()) {
      if (args.to().isEmpty()) {
        throw new IllegalArgumentException(TransactionInvalid.SET_CODE_TX_CREATE.text());
      }
      return new SetCodeTransaction(
          chain,
          nonce,
          tip,
          feeCap,
          gas,
          args.to(),
          value,
          input,
          accessList,
          args.authorizationList().get(),
          TransactionSigner.UNSIGNED);
    }
    if (args.blobVersionedHashes().isPresent()) {
      if (args.to().isEmpty()) {
        throw new IllegalArgumentException(TransactionInvalid.BLOB_TX_CREATE.text());
      }
      return new BlobTransaction(
          chain,
          nonce,
          tip,
          feeCap,
          gas,
          args.to(),
          value,
          input,
          accessList,
          blobFeeCap,
          args.blobVersionedHashes().get(),
          TransactionSigner.UNSIGNED);
    }
    return new DynamicFeeTransaction(
        chain,
        nonce,
        tip,
        feeCap,
        gas,
        args.to(),
        value,
        input,
        accessList,
        TransactionSigner.UNSIGNED);
  }

  /** BLOCKHASH within a call: the ancestors of the block the state is at. */
  private Hash blockHash(BlockContext block, long number) {
    if (number >= block.number() || number < block.number() - 256) {
      return Hash.ZERO;
    }
    if (number == block.number() - 1) {
      return block.parentHash();
    }
    return chain.header(number).map(BlockHeader::hash).orElse(Hash.ZERO);
  }

  private static void applyOverrides(CallState state, Map<Address, StateOverride> overrides) {
    overrides.forEach(
        (address, o) -> {
          o.balance().ifPresent(b -> state.overrideBalance(address, b.value()));
          o.nonce().ifPresent(n -> state.overrideNonce(address, n));
          o.code().ifPresent(c -> state.overrideCode(address, c.toArray()));
          o.state().ifPresent(slots -> state.overrideAllStorage(address, slots));
          o.stateDiff()
              .ifPresent(slots -> slots.forEach((k, v) -> state.setStorage(address, k, v)));
        });
    // The overrides become the state the call starts from: originals, touched set and journal
    // reset.
    state.commitTransaction();
  }
}
