package org.megaeth.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.megaeth.core.crypto.Keccak;
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

/**
 * keccak-256 throughput at the sizes the node hashes most: 32 bytes (storage keys), 64 (a public
 * key), 136 (one sponge block), 532 (a full branch node) and 4 KiB (contract code).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeccakBenchmark {
  @Param({"32", "64", "136", "532", "4096"})
  int size;

  private byte[] input;
  private final byte[] out = new byte[32];

  @Setup
  public void setUp() {
    input = new byte[size];
    new Random(42).nextBytes(input);
  }

  @Benchmark
  public byte[] keccak256() {
    Keccak.keccak256(input, 0, input.length, out, 0);
    return out;
  }
}
