package org.megaeth.evm.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.tx.Authorization;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.IntrinsicGas;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.tx.SetCodeTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionInvalid;
import org.megaeth.core.tx.TransactionValidator;
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
import org.megaeth.evm.code.Delegation;
import org.megaeth.evm.frame.ExecutionResources;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.evm.frame.MessageResult;
import org.megaeth.evm.frame.Substate;
import org.megaeth.evm.gas.Gas;
import org.megaeth.evm.state.WorldState;
import org.megaeth.evm.tracing.Tracer;

/**
 * Applies one transaction to a {@link WorldState}: the state transition of the yellow paper and
 * EIP-1559/4844. Checks the transaction against the block and the sender's account (with
 * node-core's {@link TransactionValidator}, so the words match the pool's and geth's), buys gas,
 * warms the EIP-2929/2930/3651 sets, applies EIP-7702 authorizations, runs the message through a
 * {@link FrameRunner}, applies the capped refund (EIP-3529) and the EIP-7623 floor, pays the
 * priority fee to the coinbase, burns the base and blob fees, deletes self-destructed (EIP-6780)
 * and touched empty accounts (EIP-161), and commits the transaction in the world state's journal.
 *
 * <p>The sender is recovered before, at ingress: pass the {@link TransactionValidity.Valid} that
 * {@link TransactionValidator#validate} returned. Thread-safe; the world state is not.
 *
 * <p>Execution borrows an {@link ExecutionResources} (stacks and memories by call depth). A caller
 * that runs transactions on several threads can hold one per thread and pass it in; the overloads
 * without one borrow the processor's idle set, taken and given back atomically, so a thread that
 * finds it taken (another thread is executing) runs on fresh resources instead of waiting. A single
 * block-executing thread therefore always reuses the same buffers, with no thread-local.
 */
public final class TransactionProcessor {
  private static final byte[] NO_CODE = new byte[0];

  private final EvmSpec spec;
  private final CodeCache codeCache;

  /** Resources no call is using; null while one is (see the class comment). */
  private final AtomicReference<ExecutionResources> idle = new AtomicReference<>();

  public TransactionProcessor(EvmSpec spec, CodeCache codeCache) {
    this.spec = spec;
    this.codeCache = codeCache;
  }

  public EvmSpec spec() {
    return spec;
  }

  /** Validates {@code tx} alone (recovering the sender), then processes it. */
  public TransactionResult validateAndProcess(
      WorldState world, BlockEnv block, Transaction tx, Tracer tracer) {
    TransactionValidity validity = TransactionValidator.validate(tx, spec.fork(), block.chainId());
    return switch (validity) {
      case TransactionValidity.Invalid invalid -> new TransactionResult.Invalid(invalid);
      case TransactionValidity.Valid valid -> process(world, block, tx, valid, tracer);
    };
  }

  /**
   * Processes a transaction that passed {@link TransactionValidator#validate}.
   *
   * @param tracer null for none
   */
  public TransactionResult process(
      WorldState world,
      BlockEnv block,
      Transaction tx,
      TransactionValidity.Valid valid,
      Tracer tracer) {
    ExecutionResources resources = idle.getAndSet(null);
    if (resources == null) {
      resources = new ExecutionResources();
    }
    try {
      return process(world, block, tx, valid, tracer, resources);
    } finally {
      idle.set(resources);
    }
  }

  /**
   * Processes a transaction that passed {@link TransactionValidator#validate} on the caller's
   * {@code resources}, which no other call may use meanwhile.
   *
   * <p>Benchmark before refactoring: {@code
   * benchmarks/src/main/java/org/megaeth/benchmarks/evm/Erc20TransferBenchmark.java}.
   *
   * @param tracer null for none
   */
  public TransactionResult process(
      WorldState world,
      BlockEnv block,
      Transaction tx,
      TransactionValidity.Valid valid,
      Tracer tracer,
      ExecutionResources resources) {
    Address sender = valid.sender();
    Optional<TransactionValidity.Invalid> invalid = check(world, block, tx, sender);
    if (invalid.isPresent()) {
      return new TransactionResult.Invalid(invalid.get());
    }
    UInt256 baseFee = block.baseFee();
    UInt256 gasPrice = tx.effectiveGasPrice(Wei.of(baseFee)).value();
    long gasLimit = tx.gasLimit();

    // Buy gas: gasLimit * effectiveGasPrice, plus the blob fee, which is burnt and never refunded.
    UInt256 blobFee = UInt256.valueOf(tx.blobGas()).multiply(block.blobBaseFee());
    UInt256 upfront = UInt256.valueOf(gasLimit).multiply(gasPrice).add(blobFee);
    world.subtractBalance(sender, upfront);
    if (!tx.isContractCreation()) {
      world.setNonce(sender, world.getNonce(sender) + 1);
    }

    Substate substate = new Substate(spec.precompiles().keySet());
    warm(substate, tx, sender, block);
    if (spec.isAtLeast(Fork.PRAGUE)) {
      // EIP-7702: after the sender's nonce increment, before execution, and outside the top
      // frame, so neither the delegations nor their refund are undone when execution fails.
      substate.addRefund(applyAuthorizations(world, substate, tx, block.chainId()));
      if (tx.to().isPresent()) {
        Address delegate = Delegation.target(world.getCode(tx.to().get()));
        if (delegate != null) {
          substate.warmAddress(delegate);
        }
      }
    }
    ExecutionContext env =
        new ExecutionContext(
            spec,
            block,
            new TxEnv(sender, gasPrice, tx.blobVersionedHashes()),
            world,
            substate,
            codeCache,
            tracer);
    FrameRunner runner = new FrameRunner(env, resources);
    long gas = gasLimit - valid.intrinsicGas();
    byte[] data = tx.data().toArrayUnsafe();
    MessageResult result =
        tx.isContractCreation()
            ? runner.create(sender, tx.value().value(), data, gas)
            : runner.call(sender, tx.to().get(), tx.value().value(), data, gas, false);

    long gasLeft = result.gasLeft();
    long used = gasLimit - gasLeft;
    long refund = Math.min(Math.max(substate.refund(), 0), used / Gas.MAX_REFUND_QUOTIENT);
    long gasUsed = used - refund;
    // EIP-7623 (Prague): calldata-heavy transactions pay at least the floor.
    gasUsed = Math.max(gasUsed, IntrinsicGas.floorDataGas(tx, spec.fork()));
    gasLeft = gasLimit - gasUsed;

    world.addBalance(sender, UInt256.valueOf(gasLeft).multiply(gasPrice));
    UInt256 tip = gasPrice.subtract(baseFee);
    world.addBalance(block.coinbase(), UInt256.valueOf(gasUsed).multiply(tip));

    if (!substate.selfDestructs().isEmpty()) {
      for (Address destroyed : substate.selfDestructs()) {
        world.deleteAccount(destroyed);
      }
    }
    // A copy, as deleting changes the touched set; indexed, as an iterator here was not
    // scalar-replaced and was a tenth of a transfer's allocation.
    List<Address> touched = new ArrayList<>(world.touchedAccounts());
    for (int i = 0; i < touched.size(); i++) {
      Address address = touched.get(i);
      if (world.exists(address) && world.isEmpty(address)) {
        world.deleteAccount(address); // EIP-161
      }
    }
    world.commitTransaction();
    return new TransactionResult.Executed(
        tx.type().number(),
        result.isSuccess(),
        gasUsed,
        refund,
        result.isSuccess() ? substate.logs() : List.of(),
        result.output(),
        result.haltReason(),
        result.createdAddress());
  }

  private Optional<TransactionValidity.Invalid> check(
      WorldState world, BlockEnv block, Transaction tx, Address sender) {
    if (tx instanceof BlobTransaction && tx.isContractCreation()) {
      return Optional.of(TransactionValidity.invalid(TransactionInvalid.BLOB_TX_CREATE, ""));
    }
    if (tx instanceof SetCodeTransaction && tx.isContractCreation()) {
      return Optional.of(TransactionValidity.invalid(TransactionInvalid.SET_CODE_TX_CREATE, ""));
    }
    TransactionValidator.BlockLimits limits =
        new TransactionValidator.BlockLimits(
            block.gasLimit(),
            Optional.of(Wei.of(block.baseFee())),
            Optional.of(Wei.of(block.blobBaseFee())));
    Optional<TransactionValidity.Invalid> blockCheck = TransactionValidator.checkBlock(tx, limits);
    if (blockCheck.isPresent()) {
      return blockCheck;
    }
    SenderAccount account =
        new SenderAccount(
            world.getNonce(sender),
            Wei.of(world.getBalance(sender)),
            Bytes.wrap(world.getCode(sender)));
    Optional<TransactionValidity.Invalid> accountCheck =
        TransactionValidator.checkAccount(tx, spec.fork(), sender, account);
    if (accountCheck.isPresent()) {
      return accountCheck;
    }
    return Optional.empty();
  }

  /**
   * EIP-7702: applies each authorization that verifies (chain id 0 or this chain's, nonce below
   * 2^64-1, a low-s signature that recovers, an authority whose code is empty or a designator and
   * whose nonce matches) by writing the delegation designator, or clearing the code for the zero
   * address, and incrementing the authority's nonce. Others are skipped; the sender paid
   * PER_EMPTY_ACCOUNT_COST for each in the intrinsic gas either way.
   *
   * @return the refund: PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST per applied authorization whose
   *     authority already existed
   */
  static long applyAuthorizations(
      WorldState world, Substate substate, Transaction tx, long chainId) {
    long refund = 0;
    UInt256 thisChain = UInt256.valueOf(chainId);
    for (Authorization auth : tx.authorizationList()) {
      if (!auth.chainId().isZero() && !auth.chainId().equals(thisChain)) {
        continue;
      }
      if (auth.nonce() == -1L) {
        continue; // the authority's nonce could not be incremented past it
      }
      Optional<Address> recovered = auth.authority();
      if (recovered.isEmpty()) {
        continue;
      }
      Address authority = recovered.get();
      substate.warmAddress(authority);
      byte[] code = world.getCode(authority);
      if (code.length != 0 && !Delegation.isDesignator(code)) {
        continue;
      }
      if (world.getNonce(authority) != auth.nonce()) {
        continue;
      }
      if (world.exists(authority)) {
        refund += IntrinsicGas.PER_EMPTY_ACCOUNT_COST - IntrinsicGas.PER_AUTH_BASE_COST;
      }
      world.setCode(
          authority,
          auth.address().equals(Address.ZERO) ? NO_CODE : Delegation.designator(auth.address()));
      world.setNonce(authority, auth.nonce() + 1);
    }
    return refund;
  }

  private void warm(Substate substate, Transaction tx, Address sender, BlockEnv block) {
    substate.warmAddress(sender);
    tx.to().ifPresent(substate::warmAddress);
    substate.warmAddress(block.coinbase()); // EIP-3651 (Shanghai)
    // The precompiles are warm through the substate's always-warm set (EIP-2929).
    for (AccessListEntry entry : tx.accessList()) {
      substate.warmAddress(entry.address());
      for (Hash key : entry.storageKeys()) {
        substate.warmSlot(entry.address(), UInt256.fromBytes(key.toArray()));
      }
    }
  }
}
