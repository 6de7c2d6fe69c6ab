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
 * Uniswap V2 swaps per second on one core: each operation is one whole {@code
 * UniswapV2Router02.swapExactTokensForTokens} transaction through {@link
 * org.megaeth.evm.tx.TransactionProcessor#process}. See {@link UniswapV2Workload}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UniswapV2SwapBenchmark {
  @Param("101")
  int swappers;

  private UniswapV2Workload workload;
  private TxQueue queue;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new UniswapV2Workload(swappers);
    queue = new TxQueue(workload::next, 1 << 17);
  }

  @Setup(Level.Iteration)
  public void prebuild() {
    queue.fill();
  }

  @Benchmark
  public TransactionResult.Executed swap(GasCounter counter) {
    TransactionResult.Executed result = workload.chain.execute(queue.next());
    if (!result.success()) {
      throw new IllegalStateException("swap failed: " + result);
    }
    counter.gas += result.gasUsed();
    return result;
  }
}
