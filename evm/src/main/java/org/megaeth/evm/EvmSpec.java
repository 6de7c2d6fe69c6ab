package org.megaeth.evm;

import java.util.EnumMap;
import java.util.Map;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;
import org.megaeth.evm.gas.GasTable;
import org.megaeth.evm.precompile.Precompile;
import org.megaeth.evm.precompile.Precompiles;

/**
 * Everything fork-dependent the EVM needs, built once per fork and cached: the static gas table,
 * the precompile set and the size limits. Which fork applies to a block is the chain config's
 * decision; the EVM only receives the result.
 *
 * @param maxCodeSize EIP-170
 * @param maxInitCodeSize EIP-3860
 */
public record EvmSpec(
    Fork fork,
    long[] staticGas,
    Map<Address, Precompile> precompiles,
    int maxCodeSize,
    int maxInitCodeSize) {

  /** EIP-170 (Spurious Dragon): 24 KiB of deployed code. */
  public static final int MAX_CODE_SIZE = 24_576;

  /** EIP-3860 (Shanghai): twice the code size limit. */
  public static final int MAX_INITCODE_SIZE = 2 * MAX_CODE_SIZE;

  /** The earliest fork whose rules this EVM implements completely. */
  public static final Fork OLDEST_SUPPORTED = Fork.CANCUN;

  /**
   * The latest fork whose EVM rules are complete here. For Prague that is EIP-7702 set-code
   * transactions and delegations, the EIP-2537 BLS12-381 precompiles and the EIP-7623 calldata
   * floor (with node-core's validation); the block-level Prague changes (EIP-2935 history contract,
   * EIP-7685 requests) belong to the chain module.
   */
  public static final Fork NEWEST_SUPPORTED = Fork.PRAGUE;

  private static final Map<Fork, EvmSpec> SPECS = new EnumMap<>(Fork.class);

  static {
    for (Fork fork : Fork.values()) {
      if (fork.isAtLeast(OLDEST_SUPPORTED) && NEWEST_SUPPORTED.isAtLeast(fork)) {
        SPECS.put(
            fork,
            new EvmSpec(
                fork,
                GasTable.of(fork),
                Precompiles.forFork(fork),
                MAX_CODE_SIZE,
                MAX_INITCODE_SIZE));
      }
    }
  }

  /**
   * The spec for {@code fork}.
   *
   * @throws IllegalArgumentException for forks before Cancun, whose dynamic gas rules differ, and
   *     after Prague, whose changes (EIP-7883 modexp pricing, EIP-7939 CLZ, ...) are not in yet
   */
  public static EvmSpec of(Fork fork) {
    EvmSpec spec = SPECS.get(fork);
    if (spec == null) {
      throw new IllegalArgumentException(
          "the EVM implements %s to %s, not %s"
              .formatted(OLDEST_SUPPORTED.testName(), NEWEST_SUPPORTED.testName(), fork));
    }
    return spec;
  }

  public boolean isAtLeast(Fork other) {
    return fork.isAtLeast(other);
  }
}
