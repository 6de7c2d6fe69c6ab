package org.megaeth.benchmarks.evm;

import java.util.concurrent.TimeUnit;
import org.megaeth.evm.tx.TransactionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compute-bound contracts, one whole transaction per operation: the gas counter gives Mgas/s. See
 * {@link ComputeWorkload} for the two contracts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ComputeBenchmark {
  @Param({"keccak", "raytracer"})
  String contract;

  private ComputeWorkload workload;
  private TxQueue queue;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new ComputeWorkload(contract);
    queue = new TxQueue(workload::next, 1 << 12);
  }

  @Setup(Level.Iteration)
  public void prebuild() {
    queue.fill();
  }

  @Benchmark
  public TransactionResult.Executed call(GasCounter counter) {
    TransactionResult.Executed result = workload.chain.execute(queue.next());
    if (!result.success()) {
      throw new IllegalStateException("call failed: " + result);
    }
    counter.gas += result.gasUsed();
    return result;
  }
}
