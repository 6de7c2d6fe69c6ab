package org.megaeth.benchmarks.evm;

import java.util.concurrent.TimeUnit;
import org.megaeth.core.types.Address;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.precompile.Precompile;
import org.megaeth.evm.precompile.PrecompileResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One call of each precompile 0x01-0x0a as the frame runner makes it, gas price then execution, on
 * the valid inputs of {@code contracts/precompile-inputs.csv} (also run by the ethereumjs side).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrecompileBenchmark {
  @Param({
    "ecrecover",
    "sha256_64B",
    "ripemd160_64B",
    "identity_64B",
    "modexp_256bit",
    "modexp_2048bit_e65537",
    "modexp_2048bit",
    "bn254_add",
    "bn254_mul",
    "bn254_pairing_2pairs",
    "blake2f_12rounds",
    "point_evaluation"
  })
  String input;

  private Precompile precompile;
  private byte[] data;

  @Setup
  public void setUp() {
    Contracts.PrecompileInput in = Contracts.precompileInput(input);
    precompile = EvmSpec.of(EvmChain.FORK).precompiles().get(Address.ofNumber(in.address()));
    data = in.input();
    if (!precompile.execute(data).success()) {
      throw new IllegalStateException(input + ": the benchmark input is not valid");
    }
  }

  @Benchmark
  public PrecompileResult call(Blackhole bh) {
    bh.consume(precompile.gasCost(data));
    return precompile.execute(data);
  }
}
