package org.megaeth.rpc.evm;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.megaeth.core.api.StateView;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.IntrinsicGas;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.frame.HaltReason;

/**
 * geth's gas estimation: the least gas limit with which the call succeeds, found by running it at
 * the highest allowed limit (failing there is the answer: the revert, or {@code gas required
 * exceeds allowance}), then at an optimistic guess from the gas it used, then by binary search
 * skewed low, stopping within 1.5%.
 */
public final class GasEstimator {
  /** geth's {@code estimateGasErrorRatio}: wallets add 20-25% anyway. */
  private static final double ERROR_RATIO = 0.015;

  /** EIP-150 call stipend, part of geth's optimistic guess. */
  private static final long CALL_STIPEND = 2_300;

  private final CallExecutor executor;

  public GasEstimator(CallExecutor executor) {
    this.executor = executor;
  }

  /** The answer: a gas limit, a revert or halt at the highest limit, or a refusal. */
  public sealed interface Estimate {
    record Gas(long gas) implements Estimate {}

    /** The call fails even with all the gas it may have. */
    record Failed(CallOutcome.Executed outcome, long gasLimit) implements Estimate {}

    record Invalid(String message) implements Estimate {}
  }

  public Estimate estimate(
      StateView view,
      CallArgs args,
      Map<Address, StateOverride> overrides,
      BlockOverrides blockOverrides,
      long deadlineNanos) {
    long hi =
        args.gas()
            .filter(g -> Long.compareUnsigned(g, IntrinsicGas.TX_BASE) >= 0)
            .orElse(blockOverrides.gasLimit().orElse(view.block().gasLimit()));
    Optional<Wei> feeCap = args.maxFeePerGas().or(args::gasPrice);
    if (feeCap.isPresent() && !feeCap.get().isZero()) {
      Address from = args.from().orElse(Address.ZERO);
      BigInteger available = balance(view, overrides, from);
      if (args.value().isPresent()) {
        BigInteger value = args.value().get().toBigInteger();
        if (value.compareTo(available) >= 0) {
          return new Estimate.Invalid("insufficient funds for transfer");
        }
        available = available.subtract(value);
      }
      if (args.blobVersionedHashes().isPresent() && args.maxFeePerBlobGas().isPresent()) {
        BigInteger blobCost =
            BigInteger.valueOf(
                    BlobTransaction.GAS_PER_BLOB * args.blobVersionedHashes().get().size())
                .multiply(args.maxFeePerBlobGas().get().toBigInteger());
        if (blobCost.compareTo(available) >= 0) {
          return new Estimate.Invalid("insufficient funds for blob fees");
        }
        available = available.subtract(blobCost);
      }
      BigInteger allowance = available.divide(feeCap.get().toBigInteger());
      if (allowance.bitLength() < 64 && Long.compareUnsigned(hi, allowance.longValue()) > 0) {
        hi = allowance.longValue();
      }
    }
    if (Long.compareUnsigned(hi, executor.gasCap()) > 0) {
      hi = executor.gasCap();
    }
    // A plain transfer costs 21000; try that first (an access list could make it cost more).
    if (args.input().map(b -> b.isEmpty()).orElse(true)
        && args.to().isPresent()
        && !hasCode(view, overrides, args.to().get())) {
      Try transfer =
          attempt(view, args, overrides, blockOverrides, IntrinsicGas.TX_BASE, deadlineNanos);
      if (transfer.succeeded()) {
        return new Estimate.Gas(IntrinsicGas.TX_BASE);
      }
    }
    Try top = attempt(view, args, overrides, blockOverrides, hi, deadlineNanos);
    if (top.invalid().isPresent()) {
      return new Estimate.Invalid(top.invalid().get());
    }
    if (!top.succeeded()) {
      if (top.executed().isPresent()
          && !top.executed().get().halt().filter(h -> h == HaltReason.OUT_OF_GAS).isPresent()) {
        return new Estimate.Failed(top.executed().get(), hi);
      }
      return new Estimate.Invalid(
          "gas required exceeds allowance (" + Long.toUnsignedString(hi) + ")");
    }
    CallOutcome.Executed first = top.executed().get();
    long lo = first.gasUsed() - 1;
    long optimistic = (first.gasUsed() + first.refund() + CALL_STIPEND) * 64 / 63;
    if (optimistic < hi) {
      Try guess = attempt(view, args, overrides, blockOverrides, optimistic, deadlineNanos);
      if (guess.invalid().isPresent()) {
        return new Estimate.Invalid(guess.invalid().get());
      }
      if (guess.succeeded()) {
        hi = optimistic;
      } else {
        lo = optimistic;
      }
    }
    while (lo + 1 < hi) {
      if ((double) (hi - lo) / hi < ERROR_RATIO) {
        break;
      }
      long mid = lo + (hi - lo) / 2;
      if (mid > lo * 2) {
        // Most calls need little more than they use: bisect skewed toward the low end.
        mid = lo * 2;
      }
      Try t = attempt(view, args, overrides, blockOverrides, mid, deadlineNanos);
      if (t.invalid().isPresent()) {
        return new Estimate.Invalid(t.invalid().get());
      }
      if (t.succeeded()) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return new Estimate.Gas(hi);
  }

  /** One run: succeeded, failed (executed or gas too low to start), or refused otherwise. */
  private record Try(
      boolean succeeded, Optional<CallOutcome.Executed> executed, Optional<String> invalid) {}

  private Try attempt(
      StateView view,
      CallArgs args,
      Map<Address, StateOverride> overrides,
      BlockOverrides blockOverrides,
      long gas,
      long deadlineNanos) {
    CallOutcome outcome =
        executor.call(
            view, args.withGas(gas), overrides, blockOverrides, new DeadlineTracer(deadlineNanos));
    return switch (outcome) {
      case CallOutcome.Executed e -> new Try(e.success(), Optional.of(e), Optional.empty());
      case CallOutcome.Invalid i ->
          i.isGasTooLow()
              ? new Try(false, Optional.empty(), Optional.empty())
              : new Try(false, Optional.empty(), Optional.of(i.message()));
    };
  }

  private static BigInteger balance(
      StateView view, Map<Address, StateOverride> overrides, Address address) {
    StateOverride o = overrides.get(address);
    if (o != null && o.balance().isPresent()) {
      return o.balance().get().toBigInteger();
    }
    return view.balance(address).toBigInteger();
  }

  private static boolean hasCode(
      StateView view, Map<Address, StateOverride> overrides, Address address) {
    StateOverride o = overrides.get(address);
    if (o != null && o.code().isPresent()) {
      return !o.code().get().isEmpty();
    }
    return !view.code(address).isEmpty();
  }
}
