package org.megaeth.benchmarks.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.sequencer.wal.WalConfig;
import org.megaeth.sequencer.wal.WriteAheadLog;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The write-ahead log's throughput with group commit, on the disk of {@code java.io.tmpdir}:
 *
 * <ul>
 *   <li>{@code appendAsync}: one writer appending {@code recordBytes}-byte records without waiting,
 *       as the sequencer does (acknowledgements arrive on the futures). The queue is bounded at 8
 *       MiB, so the rate converges to what the log thread makes durable;
 *   <li>{@code appendAndWait}: one writer waiting for each record: one fsync per record, the
 *       latency floor;
 *   <li>{@code appendAndWait8Threads}: eight writers each waiting for their record, sharing fsyncs.
 * </ul>
 *
 * <p>{@code fsyncs} is reported as a rate beside each (fsyncs per second).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WriteAheadLogBenchmark -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
public class WriteAheadLogBenchmark {
  @Param({"1024"})
  int recordBytes;

  private Path dir;
  WriteAheadLog log;
  private Bytes payload;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("wal-bench");
    log = WriteAheadLog.open(dir, new WalConfig(64L << 20, 1 << 20, 8L << 20));
    byte[] bytes = new byte[recordBytes];
    new java.util.Random(1).nextBytes(bytes);
    payload = Bytes.wrap(bytes);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    log.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** fsyncs during the iteration, per thread (JMH sums threads and divides by time). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Fsyncs {
    public long fsyncs;
    private long base;
    private int threads;

    @Setup(Level.Iteration)
    public void start(WriteAheadLogBenchmark bench, BenchmarkParams params) {
      base = bench.log.fsyncCount();
      threads = params.getThreads();
      fsyncs = 0;
    }

    void update(WriteAheadLog log) {
      fsyncs = (log.fsyncCount() - base) / threads;
    }
  }

  @Benchmark
  public long appendAsync(Fsyncs counter) {
    long sequence = log.append((byte) 1, payload).sequence();
    counter.update(log);
    return sequence;
  }

  @Benchmark
  public void appendAndWait(Fsyncs counter) {
    log.append((byte) 1, payload).durable().join();
    counter.update(log);
  }

  @Benchmark
  @Threads(8)
  public void appendAndWait8Threads(Fsyncs counter) {
    log.append((byte) 1, payload).durable().join();
    counter.update(log);
  }
}
