package org.megaeth.benchmarks.evm;

import java.util.Optional;
import org.megaeth.core.types.Address;

/**
 * One call to a compute-heavy contract, repeated; the state does not change apart from the sender's
 * nonce and balance. {@code keccak}: the hand-assembled {@code KeccakLoop} hashing 64 bytes 50,000
 * times (KECCAK256 is 42 of the 92 gas of an iteration). {@code raytracer}: {@code
 * RayTracer.render(24, 16)}, a fixed-point ray tracer in the spirit of SnailTracer (arithmetic,
 * jumps, stack shuffling, Newton square roots).
 */
final class ComputeWorkload {
  static final long CALLER_KEY = 1;
  static final int KECCAK_ITERATIONS = 50_000;
  static final int RAY_WIDTH = 24;
  static final int RAY_HEIGHT = 16;
  static final long GAS_LIMIT = 100_000_000;

  final EvmChain chain = new EvmChain();
  final Address caller = EvmChain.account(CALLER_KEY);
  final Address contract;
  private final EvmChain.Prepared call;

  ComputeWorkload(String kind) {
    chain.fund(caller);
    byte[] data =
        switch (kind) {
          case "keccak" -> {
            contract = chain.deploy(caller, Contracts.initCode("KeccakLoop"), new byte[0]);
            yield Abi.encode((long) KECCAK_ITERATIONS);
          }
          case "raytracer" -> {
            contract = chain.deploy(caller, Contracts.initCode("RayTracer"), new byte[0]);
            yield Abi.call("render(uint256,uint256)", (long) RAY_WIDTH, (long) RAY_HEIGHT);
          }
          default -> throw new IllegalArgumentException("unknown workload " + kind);
        };
    call = chain.template(caller, Optional.of(contract), data, GAS_LIMIT);
  }

  EvmChain.Prepared next() {
    return chain.next(call);
  }
}
