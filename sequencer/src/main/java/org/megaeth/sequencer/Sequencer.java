package org.megaeth.sequencer;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.parallel.ParallelExecutor;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.core.api.ChainEvents;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.StateReader;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.service.Service;
import org.megaeth.core.types.Hash;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.da.DaBlob;
import org.megaeth.da.EmbeddedDaClient;
import org.megaeth.sequencer.ingress.AdmissionMetrics;
import org.megaeth.sequencer.ingress.Ingress;
import org.megaeth.sequencer.log.CorruptLogException;
import org.megaeth.sequencer.log.LogRecord;
import org.megaeth.sequencer.log.WalSequencerLog;
import org.megaeth.sequencer.mempool.Mempool;
import org.megaeth.sequencer.mempool.MempoolConfig;
import org.megaeth.sequencer.produce.ExecutionStats;
import org.megaeth.sequencer.produce.IntervalStats;
import org.megaeth.sequencer.produce.Producer;
import org.megaeth.sequencer.produce.ProducerSettings;
import org.megaeth.sequencer.produce.ProductionLoop;
import org.megaeth.sequencer.produce.ProductionMetrics;
import org.megaeth.sequencer.produce.Publication;
import org.megaeth.sequencer.produce.PublishedChain;
import org.megaeth.sequencer.snapshot.LoadedSnapshot;
import org.megaeth.sequencer.snapshot.SnapshotMetadata;
import org.megaeth.sequencer.snapshot.SnapshotStore;
import org.megaeth.sequencer.state.FrozenBaseState;
import org.megaeth.sequencer.wal.WalConfig;
import org.megaeth.sequencer.wal.WriteAheadLog;
import org.megaeth.trie.state.WorldState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer role: the chain store, the write-ahead log, the producer and its loop, the
 * publishing thread and ingress, started in that order and stopped in reverse.
 *
 * <p>At start it recovers: the state of genesis (or of the newest snapshot) plus every logged
 * record after it, re-run by the producer itself, give back exactly the chain and state that were
 * served before the stop or crash; a block left open by a crash is continued.
 *
 * <p>Data directory layout: {@code chain/} (RocksDB: blocks, receipts, diffs, witnesses), {@code
 * wal/} (the log).
 */
public final class Sequencer extends Service {
  private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

  /**
   * What the sequencer needs beyond the chain.
   *
   * @param ingressThreads threads that recover senders; the cores by default
   * @param hashingThreads threads that hash state roots at sealing
   * @param snapshotEveryBlocks how often the state is written to a snapshot, so that a restart
   *     replays only the log after it and older log segments can go
   */
  public record Settings(
      Path dataDir,
      ProducerSettings producer,
      MempoolConfig mempool,
      int ingressThreads,
      int hashingThreads,
      int execThreads,
      int snapshotEveryBlocks) {
    public Settings {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(producer, "producer");
      Objects.requireNonNull(mempool, "mempool");
      if (execThreads < 1) {
        throw new IllegalArgumentException("exec threads must be at least 1, not " + execThreads);
      }
    }
  }

  private final Settings settings;
  private final Genesis genesis;
  private final KeyPair key;
  private final List<Consumer<Publication.BlockOut>> sealListeners = new ArrayList<>();
  private final IntervalStats miniBlockIntervals = new IntervalStats();
  private final MeterRegistry registry;

  /** The gauges this sequencer registered: they read its parts, so they go when it stops. */
  private final List<Meter> gauges = new ArrayList<>();

  private ChainStore store;
  private WriteAheadLog wal;
  private WalSequencerLog log;
  private PublishedChain published;
  private Producer producer;
  private ProductionLoop loop;
  private Ingress ingress;
  private Mempool mempool;
  private ExecutorService ingressPool;
  private ForkJoinPool hashingPool;

  /** The workers of parallel execution; null when it runs on the production thread alone. */
  private ExecutorService execPool;

  private SnapshotStore snapshots;
  private ExecutorService background;
  private EmbeddedDaClient da;
  private volatile boolean snapshotRunning;
  private Thread loopThread;
  private Thread publishThread;
  private java.util.concurrent.ScheduledExecutorService status;
  private long statusTransactions;
  private long statusNanos;

  /** The mini-block intervals up to the last status line ({@link IntervalStats#count}). */
  private long statusIntervals;

  /** A sequencer whose meters go nowhere (tests, benchmarks). */
  public Sequencer(Settings settings, Genesis genesis, KeyPair key) {
    this(settings, genesis, key, new CompositeMeterRegistry());
  }

  /**
   * @param registry where the sequencer's meters go (see docs/metrics.md)
   */
  public Sequencer(Settings settings, Genesis genesis, KeyPair key, MeterRegistry registry) {
    this.settings = settings;
    this.genesis = genesis;
    this.key = key;
    this.registry = registry;
  }

  /** Called on the publishing thread after each block is stored; add before {@link #start}. */
  public void onSealed(Consumer<Publication.BlockOut> listener) {
    sealListeners.add(listener);
  }

  @Override
  protected void doStart() throws Exception {
    GenesisBlock genesisBlock = GenesisBlock.of(genesis);
    long chainId = genesis.chainId();
    store =
        ChainStore.open(settings.dataDir().resolve("chain"), genesisBlock.block(), chainId, true);
    try {
      recoverAndStart(genesisBlock);
    } catch (Exception | Error e) {
      closeQuietly();
      throw e;
    }
  }

  private void recoverAndStart(GenesisBlock genesisBlock) throws IOException, CorruptLogException {
    // Named, so that per-thread CPU (top -H, /proc) tells the seal's hashing from the JSON-RPC
    // request threads' carriers, which are ForkJoinPool workers too.
    AtomicInteger hashingThreads = new AtomicInteger();
    hashingPool =
        new ForkJoinPool(
            Math.max(1, settings.hashingThreads()),
            pool -> {
              ForkJoinWorkerThread thread =
                  ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              thread.setName("hashing-" + hashingThreads.getAndIncrement());
              return thread;
            },
            null,
            false);
    BlockExecutor executor = new BlockExecutor(genesis.config(), hashingPool);
    wal = WriteAheadLog.open(settings.dataDir().resolve("wal"), WalConfig.DEFAULT);
    log = new WalSequencerLog(wal);
    background =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("sequencer-background").daemon(true).factory());
    snapshots = new SnapshotStore(settings.dataDir().resolve("snapshots"), 2);
    da = EmbeddedDaClient.open(settings.dataDir().resolve("da"), background);

    WorldState state;
    BlockHeader head;
    long sequence = 0;
    long replayFrom = log.firstPosition();
    Optional<LoadedSnapshot> snapshot = snapshots.loadNewest(hashingPool);
    if (snapshot.isPresent()) {
      SnapshotMetadata meta = snapshot.get().metadata();
      head =
          store
              .header(meta.blockHash())
              .orElseThrow(
                  () ->
                      new IOException(
                          "snapshot of block %d %s is not in the chain store"
                              .formatted(meta.blockNumber(), meta.blockHash())));
      state = snapshot.get().state();
      long[] positions = decodeSnapshotExtra(meta.extra());
      replayFrom = Math.max(log.firstPosition(), positions[0]);
      sequence = positions[1];
      LOG.info("loaded the snapshot of block {} ({})", head.number(), snapshot.get().file());
    } else {
      state = GenesisBlock.state(genesis);
      head = genesisBlock.header();
    }
    FrozenBaseState headState = new FrozenBaseState(state.freeze());
    mempool = new Mempool(settings.mempool());
    published =
        new PublishedChain(store, genesis.config(), head, headState, sequence, this::afterSeal);
    ParallelExecutor parallel;
    if (settings.execThreads() > 1) {
      // The production thread is the last executor: execThreads - 1 workers beside it.
      execPool =
          Executors.newFixedThreadPool(
              settings.execThreads() - 1,
              Thread.ofPlatform().name("exec-", 0).daemon(true).factory());
      parallel = new ParallelExecutor(execPool, settings.execThreads());
    } else {
      parallel = new ParallelExecutor(null, 1);
    }
    producer =
        new Producer(
            settings.producer(),
            new BlockBuilder(executor),
            parallel,
            state,
            head,
            headState,
            sequence,
            mempool,
            log,
            store,
            key,
            s -> new FrozenBaseState(s.freeze()),
            published::enqueue);

    long start = System.nanoTime();
    int[] replayed = {0};
    log.replay(
        replayFrom,
        (position, record) -> {
          producer.replay(record, position);
          replayed[0]++;
          if (record instanceof LogRecord.BlockSealed) {
            published.drain(); // store each block before the next, as in normal running
          }
        });
    published.drain();
    if (replayed[0] > 0) {
      LOG.info(
          "recovered from the log: {} records in {} ms; head {} {}, {}",
          replayed[0],
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          producer.head().number(),
          producer.head().hash(),
          producer.isOpen() ? "block " + producer.openNumber() + " open" : "no block open");
    }

    ingressPool =
        Executors.newFixedThreadPool(
            Math.max(1, settings.ingressThreads()),
            Thread.ofPlatform().name("ingress-", 0).daemon(true).factory());
    ingress =
        new Ingress(
            genesis.config(),
            mempool,
            published,
            ingressPool,
            () -> {
              BlockHeader h = producer.head();
              return new Ingress.NextBlock(h.number() + 1, h.timestamp() + 1, producer.baseFee());
            },
            producer::executedState,
            new AdmissionMetrics(registry));
    loop =
        new ProductionLoop(
            producer,
            settings.producer().miniBlockInterval(),
            settings.producer().blockInterval(),
            miniBlockIntervals,
            new ProductionMetrics(registry));
    registerGauges();
    publishThread = Thread.ofPlatform().name("publisher").start(published);
    loopThread = Thread.ofPlatform().name("producer").start(loop);
    statusNanos = System.nanoTime();
    status =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sequencer-status").daemon(true).factory());
    status.scheduleAtFixedRate(this::logStatus, 10, 10, TimeUnit.SECONDS);
  }

  /** Gauges over what the sequencer already tracks; read when scraped, never on a hot path. */
  private void registerGauges() {
    PublishedChain chain = published;
    Mempool pool = mempool;
    WriteAheadLog log = wal;
    gauges.add(
        Gauge.builder("megaeth.mempool.pending", pool, Mempool::pendingCount)
            .description("Pooled transactions that can run next (no nonce gap before them)")
            .register(registry));
    gauges.add(
        Gauge.builder("megaeth.mempool.queued", pool, Mempool::queuedCount)
            .description("Pooled transactions waiting for a missing nonce")
            .register(registry));
    gauges.add(
        Gauge.builder("megaeth.chain.head.number", chain, c -> c.head().number())
            .description("Number of the newest sealed and stored block")
            .register(registry));
    gauges.add(
        Gauge.builder("megaeth.chain.safe.number", chain, PublishedChain::safeNumber)
            .description("Number of the newest block stored by the DA layer")
            .register(registry));
    gauges.add(
        Gauge.builder("megaeth.sequencer.publish.backlog", chain, PublishedChain::backlog)
            .description("Publications waiting for their log record or their turn to be applied")
            .register(registry));
    gauges.add(
        FunctionTimer.builder(
                "megaeth.wal.fsync",
                log,
                WriteAheadLog::fsyncCount,
                WriteAheadLog::fsyncNanos,
                TimeUnit.NANOSECONDS)
            .description("Fsyncs of the write-ahead log (group commit) and the time they took")
            .register(registry));
  }

  /**
   * After a block is stored (publishing thread): hand its diff and witness to DA, marking it safe
   * once stored there; now and then, snapshot the state and drop the log the snapshot covers.
   */
  private void afterSeal(Publication.BlockOut out) {
    long number = out.built().block().header().number();
    Hash hash = out.built().block().hash();
    Bytes diff = Bytes.wrap(StateDiffCodec.compress(StateDiffCodec.encode(out.built().diff())));
    Bytes witness = out.built().witness().map(ExecutionWitness::encode).orElse(Bytes.EMPTY);
    da.publish(DaBlob.of(number, hash, diff, witness))
        .whenComplete(
            (commitment, error) -> {
              if (error != null) {
                LOG.error("publishing block {} to DA failed: {}", number, error.toString());
              } else {
                published.markSafe(number);
              }
            });
    sealListeners.forEach(l -> l.accept(out));
    if (settings.snapshotEveryBlocks() > 0
        && number % settings.snapshotEveryBlocks() == 0
        && !snapshotRunning
        && out.state() instanceof FrozenBaseState frozen) {
      snapshotRunning = true;
      long replayFrom = out.nextLogPosition() + 1;
      SnapshotMetadata meta =
          new SnapshotMetadata(
              number, hash, frozen.rootHash(), encodeSnapshotExtra(replayFrom, out.sequence()));
      snapshots
          .writeAsync(frozen.state(), meta, background)
          .whenComplete(
              (info, error) -> {
                snapshotRunning = false;
                if (error != null) {
                  LOG.error("snapshot of block {} failed: {}", number, error.toString());
                } else {
                  log.truncateBefore(replayFrom);
                }
              });
    }
  }

  /** The snapshot's own data: where replay starts in the log, and the next mini-block number. */
  private static Bytes encodeSnapshotExtra(long replayFrom, long sequence) {
    return Rlp.encodeList(
        w -> {
          w.writeUInt64(replayFrom);
          w.writeUInt64(sequence);
        });
  }

  private static long[] decodeSnapshotExtra(Bytes extra) throws IOException {
    try {
      return Rlp.decodeList(extra, r -> new long[] {r.readUInt64(), r.readUInt64()});
    } catch (RuntimeException e) {
      throw new IOException("the snapshot's sequencer data does not decode: " + e.getMessage());
    }
  }

  /** One status line for operators: progress, throughput, pacing, backlog. */
  private void logStatus() {
    long now = System.nanoTime();
    long transactions = published.transactionCount();
    double seconds = (now - statusNanos) / 1e9;
    double tps = (transactions - statusTransactions) / seconds;
    statusTransactions = transactions;
    statusNanos = now;
    ExecutionStats.Window exec = producer.executionStats().takeAndReset();
    IntervalStats.Window intervals = miniBlockIntervals.since(statusIntervals);
    statusIntervals = intervals.to();
    LOG.info(
        "head {} | {} tx/s | mini-blocks p50 {} ms p99 {} ms | execution {}x parallel, {}%"
            + " re-executed | pool {} pending {} queued | publish backlog {}",
        published.head().number(),
        String.format(java.util.Locale.ROOT, "%.0f", tps),
        String.format(java.util.Locale.ROOT, "%.1f", intervals.p50() / 1e6),
        String.format(java.util.Locale.ROOT, "%.1f", intervals.p99() / 1e6),
        String.format(java.util.Locale.ROOT, "%.2f", exec.sum().parallelism()),
        String.format(java.util.Locale.ROOT, "%.1f", 100 * exec.sum().conflictRate()),
        mempool.pendingCount(),
        mempool.queuedCount(),
        published.backlog());
  }

  @Override
  protected void doStop() throws Exception {
    if (loop != null) {
      loop.stop();
      loopThread.join();
    }
    if (published != null && publishThread != null) {
      published.stop();
      publishThread.join();
    }
    closeQuietly();
  }

  private void closeQuietly() {
    gauges.forEach(registry::remove);
    gauges.clear();
    if (status != null) {
      status.shutdownNow();
    }
    if (ingressPool != null) {
      ingressPool.shutdownNow();
    }
    if (background != null) {
      background.shutdown();
      try {
        background.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (da != null) {
      da.close();
    }
    if (log != null) {
      try {
        log.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the log: {}", e.getMessage());
      }
    }
    if (store != null) {
      store.close();
    }
    if (hashingPool != null) {
      hashingPool.shutdownNow();
    }
    if (execPool != null) {
      execPool.shutdownNow();
    }
  }

  /** The sequencer's address: the one that signs its mini-blocks and blocks. */
  public KeyPair key() {
    return key;
  }

  public ChainReader chain() {
    return published;
  }

  public StateReader states() {
    return published;
  }

  public ChainEvents events() {
    return published;
  }

  public TransactionSink transactions() {
    return ingress;
  }

  public Mempool mempool() {
    return mempool;
  }

  public PublishedChain published() {
    return published;
  }

  /** Intervals between consecutive mini-blocks. */
  public IntervalStats miniBlockIntervals() {
    return miniBlockIntervals;
  }

  /** Why production or publishing stopped, if one of them failed. */
  public java.util.Optional<Throwable> failure() {
    if (loop != null && loop.failure().isPresent()) {
      return loop.failure();
    }
    return published == null ? java.util.Optional.empty() : published.failure();
  }
}
