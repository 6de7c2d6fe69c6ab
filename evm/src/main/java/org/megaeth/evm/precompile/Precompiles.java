package org.megaeth.evm.precompile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.types.Address;

/**
 * The mainnet precompile set per fork: each fork's map is the previous fork's plus additions and
 * repricings, built once and cached as an immutable map (revm {@code Precompiles::new(spec)}). Only
 * forks from Cancun on are built, since that is what the EVM executes.
 */
public final class Precompiles {
  private static final Map<Fork, Map<Address, Precompile>> SETS = build();

  private Precompiles() {}

  /** The immutable set for {@code fork}; empty for forks the EVM does not execute. */
  public static Map<Address, Precompile> forFork(Fork fork) {
    return SETS.getOrDefault(fork, Map.of());
  }

  private static Map<Fork, Map<Address, Precompile>> build() {
    Map<Fork, Map<Address, Precompile>> sets = new EnumMap<>(Fork.class);
    Map<Address, Precompile> current = new LinkedHashMap<>();
    for (Fork fork : Fork.values()) {
      switch (fork) {
        case CANCUN -> {
          // Everything up to Cancun at its current price: Frontier 0x01-0x04, Byzantium 0x05
          // (EIP-198, repriced by EIP-2565) and 0x06-0x08 (EIP-196/197, repriced by EIP-1108),
          // Istanbul 0x09 (EIP-152), Cancun 0x0a (EIP-4844).
          put(current, new EcRecoverPrecompile());
          put(current, new Sha256Precompile());
          put(current, new Ripemd160Precompile());
          put(current, new IdentityPrecompile());
          put(current, ModExpPrecompile.BERLIN);
          put(current, Bn254Precompiles.ADD);
          put(current, Bn254Precompiles.MUL);
          put(current, Bn254Precompiles.PAIRING);
          put(current, new Blake2fPrecompile());
          put(current, new PointEvaluationPrecompile());
        }
        case PRAGUE -> {
          // EIP-2537: BLS12-381 0x0b-0x11.
          put(current, Bls12381Precompiles.G1ADD);
          put(current, Bls12381Precompiles.G1MSM);
          put(current, Bls12381Precompiles.G2ADD);
          put(current, Bls12381Precompiles.G2MSM);
          put(current, Bls12381Precompiles.PAIRING_CHECK);
          put(current, Bls12381Precompiles.MAP_FP_TO_G1);
          put(current, Bls12381Precompiles.MAP_FP2_TO_G2);
        }
        default -> {
          // No change to the set.
        }
      }
      if (fork.isAtLeast(Fork.CANCUN)) {
        sets.put(fork, Collections.unmodifiableMap(new LinkedHashMap<>(current)));
      }
    }
    return sets;
  }

  private static void put(Map<Address, Precompile> set, Precompile precompile) {
    set.put(precompile.address(), precompile);
  }
}
