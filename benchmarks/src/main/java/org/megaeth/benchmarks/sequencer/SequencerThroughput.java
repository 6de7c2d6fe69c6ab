package org.megaeth.benchmarks.sequencer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.benchmarks.BenchTransactions;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.core.api.ChainListener;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.SealedBlock;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.util.Hex;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.sequencer.Sequencer;
import org.megaeth.sequencer.mempool.MempoolConfig;
import org.megaeth.sequencer.produce.IntervalStats;
import org.megaeth.sequencer.produce.ProducerSettings;

/**
 * Sustained ERC-20 transfers per second through the whole sequencer pipeline, in one process:
 * ingress (decode is done by the caller; chain id, signature recovery and pool checks on the
 * ingress pool), the pool, mini-blocks every 10 ms, the write-ahead log with fsync, sealing every
 * second with the state root and witness, and the chain store. Not JMH: it measures a running
 * system end to end, as the load generator does over RPC.
 *
 * <p>Setup through the same pipeline: the dev account 0 deploys {@code BenchToken} and funds {@code
 * senders} accounts with ETH and tokens. Then every sender's {@code perSender} transfers
 * (pre-signed) are submitted as fast as ingress takes them; the clock runs from the first
 * submission to the seal of the block holding the last transfer.
 *
 * <p>With a {@code rate} (transfers per second) they are submitted at that pace instead: a burst
 * measures how fast a backlog drains (ingress first takes both cores, then the producer works
 * alone), a paced run whether the pipeline sustains the rate. It does when the last transfer is
 * sealed within about a block interval of its submission ("seal lag" in the output) and the
 * achieved rate equals the offered one.
 *
 * <p>Before the measured transfers, every sender makes {@code warmup} transfers (default 60) at the
 * same rate, sealed and not measured: the transfers' path is then compiled, as in a sequencer that
 * has been running. Without them the JIT compiles it during the measured seconds (C2 took ~19% of
 * the two cores then, sampled from {@code /proc}).
 *
 * <p>The CPU printed per transfer is that of the Java threads by group, and the whole process's
 * (with the collector's and the compilers' threads, which {@link ThreadMXBean} does not list).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.megaeth.benchmarks.sequencer.SequencerThroughput [senders] [perSender] [execThreads] [rate]
 * [warmup]}
 */
public final class SequencerThroughput {
  private static final UInt256 TOKENS = UInt256.fromBigInteger(BigInteger.TEN.pow(24));

  private SequencerThroughput() {}

  public static void main(String[] args) throws Exception {
    int senders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int perSender = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int execThreads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 60;
    DevPreset dev = DevPreset.of(NodeOptions.builder().build());
    long chainId = dev.chainId();
    Path dir = Files.createTempDirectory("megaeth-throughput");
    KeyPair key = dev.accounts().get(9).keyPair();
    Sequencer sequencer =
        new Sequencer(
            new Sequencer.Settings(
                dir,
                new ProducerSettings(
                    Duration.ofMillis(10),
                    Duration.ofSeconds(1),
                    dev.gasLimit(),
                    key.address(),
                    2_000),
                MempoolConfig.defaults(dev.gasLimit()),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(),
                execThreads,
                100),
            dev.genesis(),
            key);
    AtomicLong sealedTransactions = new AtomicLong();
    AtomicLong lastSealNanos = new AtomicLong();
    AtomicLong miniBlocks = new AtomicLong();
    sequencer.start();
    sequencer
        .events()
        .subscribe(
            new ChainListener() {
              @Override
              public void onMiniBlock(MiniBlock miniBlock) {
                miniBlocks.incrementAndGet();
              }

              @Override
              public void onBlockSealed(SealedBlock block) {
                sealedTransactions.addAndGet(block.block().body().transactions().size());
                lastSealNanos.set(System.nanoTime());
              }
            });
    try {
      KeyPair deployer = dev.accounts().get(0).keyPair();
      byte[] init =
          Hex.decodeLenient(
              BenchTransactions.resource(SequencerThroughput.class, "/contracts/BenchToken.hex")
                  .strip());
      Bytes deploy =
          Bytes.concatenate(
              Bytes.wrap(init),
              Bytes.wrap(UInt256.fromBigInteger(BigInteger.TEN.pow(30)).toBytes32()));
      Address token = FrameRunner.createAddress(deployer.address(), 0);
      List<KeyPair> holders = new ArrayList<>();
      List<Transaction> setup = new ArrayList<>();
      setup.add(
          BenchTransactions.signed(
              chainId, deployer, 0, null, Wei.ZERO, deploy, 5_000_000, Wei.fromGwei(10)));
      long nonce = 1;
      for (int i = 0; i < senders; i++) {
        KeyPair holder = KeyPair.of(SecretKey.of(UInt256.valueOf(0x20000 + i).toBytes32()));
        holders.add(holder);
        setup.add(
            BenchTransactions.signed(
                chainId,
                deployer,
                nonce++,
                holder.address(),
                Wei.fromEth(1),
                Bytes.EMPTY,
                21_000,
                Wei.fromGwei(10)));
        setup.add(
            BenchTransactions.signed(
                chainId,
                deployer,
                nonce++,
                token,
                Wei.ZERO,
                BenchTransactions.erc20Transfer(holder.address(), TOKENS),
                100_000,
                Wei.fromGwei(10)));
      }
      System.out.printf("setup: %,d transactions%n", setup.size());
      // In chunks: the pool holds at most 1,024 transactions per sender.
      for (int from = 0; from < setup.size(); from += 1_000) {
        List<Transaction> chunk = setup.subList(from, Math.min(setup.size(), from + 1_000));
        submitAll(sequencer, chunk).get(120, TimeUnit.SECONDS);
        awaitSealed(sealedTransactions, from + chunk.size());
      }

      System.out.printf("signing %,d transfers...%n", (long) senders * (warmup + perSender));
      List<Transaction> warmupTransfers = new ArrayList<>(senders * warmup);
      List<Transaction> transfers = new ArrayList<>(senders * perSender);
      UInt256 amount = UInt256.valueOf(1_000);
      for (int n = 0; n < warmup + perSender; n++) {
        for (int i = 0; i < senders; i++) {
          Address to = holders.get((i + 1 + n) % senders).address();
          (n < warmup ? warmupTransfers : transfers)
              .add(
                  BenchTransactions.signed(
                      chainId,
                      holders.get(i),
                      n,
                      token,
                      Wei.ZERO,
                      BenchTransactions.erc20Transfer(to, amount),
                      60_000,
                      Wei.fromGwei(10)));
        }
      }
      if (warmup > 0) {
        System.out.printf("warm-up: %,d transfers%n", warmupTransfers.size());
        long sealedBefore = sealedTransactions.get();
        submitAll(sequencer, warmupTransfers, rate).get(600, TimeUnit.SECONDS);
        awaitSealed(sealedTransactions, sealedBefore + warmupTransfers.size());
      }
      long sealedBefore = sealedTransactions.get();
      long intervalsFrom = sequencer.miniBlockIntervals().count();
      long miniBlocksBefore = miniBlocks.get();
      Map<String, Long> cpuBefore = cpuByThreadGroup();
      long processCpuBefore = processCpuNanos();
      long start = System.nanoTime();
      CompletableFuture<Void> submitted = submitAll(sequencer, transfers, rate);
      long offeredNanos = System.nanoTime() - start;
      submitted.get(600, TimeUnit.SECONDS);
      long submittedNanos = System.nanoTime() - start;
      awaitSealed(sealedTransactions, sealedBefore + transfers.size());
      if (rate > 0) {
        System.out.printf(
            "offered %,d transfers/s for %.2f s; seal lag (last sealed after last submitted):"
                + " %.2f s%n",
            rate, offeredNanos / 1e9, (lastSealNanos.get() - start - offeredNanos) / 1e9);
      }
      long elapsed = lastSealNanos.get() - start;
      double seconds = elapsed / 1e9;
      Thread.sleep(200); // let the publisher finish the last block before reading CPU times
      printCpuPerTransfer(cpuBefore, cpuByThreadGroup(), transfers.size(), elapsed);
      long processCpu = processCpuNanos() - processCpuBefore;
      System.out.printf(
          "  %-28s %8.1f  (%.2f cores; with the collector and the compilers)%n",
          "whole process",
          processCpu / 1e3 / transfers.size(),
          (double) processCpu / (System.nanoTime() - start));
      System.out.printf(
          "%,d ERC-20 transfers from %,d senders: all sealed in %.2f s = %,.0f transfers/s"
              + " (submission took %.2f s)%n",
          transfers.size(), senders, seconds, transfers.size() / seconds, submittedNanos / 1e9);
      IntervalStats.Window intervals = sequencer.miniBlockIntervals().since(intervalsFrom);
      System.out.printf(
          "mini-block interval under load: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d intervals)%n",
          intervals.p50() / 1e6, intervals.p99() / 1e6, intervals.max() / 1e6, intervals.count());
      long published = miniBlocks.get() - miniBlocksBefore;
      System.out.printf(
          "%,d mini-blocks published, %.0f transfers each on average%n",
          published, (double) transfers.size() / Math.max(1, published));
      System.out.printf(
          "{\"transfers\":%d,\"seconds\":%.3f,\"tps\":%.0f,\"miniBlockP50Ms\":%.2f,\"miniBlockP99Ms\":%.2f}%n",
          transfers.size(),
          seconds,
          transfers.size() / seconds,
          intervals.p50() / 1e6,
          intervals.p99() / 1e6);
    } finally {
      sequencer.stop();
    }
  }

  /** The CPU time of the whole process, every thread of the JVM included. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time by thread group (the thread name without its number): where each transfer's cost goes,
   * independent of how busy the machine was.
   */
  private static Map<String, Long> cpuByThreadGroup() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        cpu.merge(info.getThreadName().replaceAll("[-#]?\\d+$", ""), nanos, Long::sum);
      }
    }
    return cpu;
  }

  private static void printCpuPerTransfer(
      Map<String, Long> before, Map<String, Long> after, int transfers, long wallNanos) {
    long total = 0;
    System.out.println("CPU per transfer by thread group (µs):");
    for (Map.Entry<String, Long> entry : after.entrySet()) {
      long used = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
      if (used * 1000L / transfers >= 100) { // 0.1 µs and more
        System.out.printf("  %-28s %8.1f%n", entry.getKey(), used / 1e3 / transfers);
      }
      total += used;
    }
    System.out.printf(
        "  %-28s %8.1f  (%.2f cores busy on average)%n",
        "total", total / 1e3 / transfers, (double) total / wallNanos);
  }

  private static CompletableFuture<Void> submitAll(Sequencer sequencer, List<Transaction> txs) {
    return submitAll(sequencer, txs, 0);
  }

  /**
   * Submits in order, each sender's nonces ascending, at {@code rate} per second (0: all at once);
   * completes when ingress answered all.
   */
  private static CompletableFuture<Void> submitAll(
      Sequencer sequencer, List<Transaction> txs, int rate) {
    List<CompletableFuture<SubmitResult>> results = new ArrayList<>(txs.size());
    long start = System.nanoTime();
    for (int i = 0; i < txs.size(); i++) {
      if (rate > 0) {
        long due = start + (long) i * 1_000_000_000L / rate;
        long ahead = due - System.nanoTime();
        if (ahead > 200_000) {
          java.util.concurrent.locks.LockSupport.parkNanos(ahead);
        }
      }
      results.add(
          sequencer.transactions().submit(new PooledTransaction(txs.get(i), Optional.empty())));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenRun(
            () -> {
              for (CompletableFuture<SubmitResult> result : results) {
                if (result.join() instanceof SubmitResult.Rejected rejected) {
                  throw new IllegalStateException("refused: " + rejected.message());
                }
              }
            });
  }

  private static void awaitSealed(AtomicLong sealed, long target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (sealed.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + sealed.get() + " of " + target + " sealed");
      }
      Thread.sleep(5);
    }
  }
}
