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
 * ERC-20 transfers per second on one core: each operation is one whole transaction (nonce and
 * balance checks, gas purchase, the call, refund, fees, EIP-161 clean-up, journal commit) through
 * {@link org.megaeth.evm.tx.TransactionProcessor#process}, on an {@link
 * org.megaeth.evm.state.InMemoryWorldState}. See {@link Erc20Workload} for the state and the
 * sequence, and docs/benchmarks.md for results beside {@code @ethereumjs/evm}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class Erc20TransferBenchmark {
  @Param("10000")
  int holders;

  private Erc20Workload workload;
  private TxQueue queue;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new Erc20Workload(holders);
    queue = new TxQueue(workload::next, 1 << 19);
  }

  @Setup(Level.Iteration)
  public void prebuild() {
    queue.fill();
  }

  @Benchmark
  public TransactionResult.Executed transfer(GasCounter counter) {
    TransactionResult.Executed result = workload.chain.execute(queue.next());
    if (!result.success()) {
      throw new IllegalStateException("transfer failed: " + result);
    }
    counter.gas += result.gasUsed();
    return result;
  }
}
