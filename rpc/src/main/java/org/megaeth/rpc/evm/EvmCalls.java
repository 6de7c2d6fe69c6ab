package org.megaeth.rpc.evm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.megaeth.core.api.StateView;
import org.megaeth.core.tx.AccessListEntry;
import org.megaeth.core.types.Address;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.rpc.chain.BlockResolver;
import org.megaeth.rpc.json.JsonRpcException;
import org.megaeth.rpc.params.BlockParameter;

/**
 * What the EVM methods do, on the bounded executor: resolve the state, run, and turn failures into
 * geth's errors. The methods only parse parameters and format results.
 */
public final class EvmCalls {
  /** Access-list creation re-runs until the list stops growing; bound it all the same. */
  private static final int MAX_ACCESS_LIST_ROUNDS = 16;

  private final CallExecutor executor;
  private final GasEstimator estimator;
  private final EvmExecutor pool;
  private final BlockResolver blocks;

  public EvmCalls(CallExecutor executor, EvmExecutor pool, BlockResolver blocks) {
    this.executor = executor;
    this.estimator = new GasEstimator(executor);
    this.pool = pool;
    this.blocks = blocks;
  }

  /** {@code eth_call}: the return data, or the revert/halt/refusal as an error. */
  public byte[] call(
      CallArgs args,
      BlockParameter block,
      Map<Address, StateOverride> overrides,
      BlockOverrides blockOverrides)
      throws JsonRpcException {
    return pool.run(
        deadline -> {
          try (StateView view = blocks.state(block)) {
            CallOutcome outcome =
                executor.call(view, args, overrides, blockOverrides, new DeadlineTracer(deadline));
            return switch (outcome) {
              case CallOutcome.Invalid invalid -> throw JsonRpcException.server(invalid.message());
              case CallOutcome.Executed executed -> {
                if (!executed.success()) {
                  throw CallErrors.failed(executed);
                }
                yield executed.output();
              }
            };
          }
        });
  }

  /** {@code eth_estimateGas}. */
  public long estimateGas(
      CallArgs args,
      BlockParameter block,
      Map<Address, StateOverride> overrides,
      BlockOverrides blockOverrides)
      throws JsonRpcException {
    return pool.run(
        deadline -> {
          try (StateView view = blocks.state(block)) {
            return switch (estimator.estimate(view, args, overrides, blockOverrides, deadline)) {
              case GasEstimator.Estimate.Gas gas -> gas.gas();
              case GasEstimator.Estimate.Failed failed -> throw CallErrors.failed(failed.outcome());
              case GasEstimator.Estimate.Invalid invalid ->
                  throw JsonRpcException.server(invalid.message());
            };
          }
        });
  }

  /**
   * {@code eth_createAccessList}'s answer.
   *
   * @param error the failure of the final run ({@code execution reverted}), if it failed
   */
  public record AccessListResult(
      List<AccessListEntry> accessList, long gasUsed, Optional<String> error) {}

  /** {@code eth_createAccessList}: runs until the accessed set stops changing, as geth does. */
  public AccessListResult createAccessList(CallArgs args, BlockParameter block)
      throws JsonRpcException {
    return pool.run(
        deadline -> {
          try (StateView view = blocks.state(block)) {
            CallArgs call =
                args.gas().isPresent()
                    ? args
                    : args.withGas(executor.defaultGas(view, BlockOverrides.NONE));
            Set<Address> excluded = excluded(view, call);
            List<AccessListEntry> list = call.accessList().orElse(List.of());
            for (int round = 0; ; round++) {
              AccessListTracer tracer = new AccessListTracer(deadline, excluded, list);
              CallOutcome outcome =
                  executor.call(
                      view, call.withAccessList(list), Map.of(), BlockOverrides.NONE, tracer);
              if (outcome instanceof CallOutcome.Invalid invalid) {
                throw JsonRpcException.server("failed to apply transaction: " + invalid.message());
              }
              CallOutcome.Executed executed = (CallOutcome.Executed) outcome;
              List<AccessListEntry> seen = tracer.accessList();
              if (seen.equals(list) || round == MAX_ACCESS_LIST_ROUNDS) {
                Optional<String> error =
                    executed.success()
                        ? Optional.empty()
                        : Optional.of(
                            executed.reverted()
                                ? "execution reverted"
                                : CallErrors.haltMessage(executed.halt().orElseThrow()));
                return new AccessListResult(seen, executed.gasUsed(), error);
              }
              list = seen;
            }
          }
        });
  }

  /** The sender, the recipient (or the contract being created) and the precompiles. */
  private Set<Address> excluded(StateView view, CallArgs args) {
    Set<Address> excluded = new HashSet<>();
    Address from = args.from().orElse(Address.ZERO);
    excluded.add(from);
    excluded.add(args.to().orElseGet(() -> FrameRunner.createAddress(from, view.nonce(from))));
    excluded.addAll(executor.precompiles(view));
    return excluded;
  }
}
