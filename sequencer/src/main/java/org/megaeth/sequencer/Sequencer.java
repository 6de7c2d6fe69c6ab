package org.megaeth.sequencer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.config.genesis.Genesis;
import org.megaeth.core.api.ChainEvents;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.StateReader;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.service.Service;
import org.megaeth.sequencer.ingress.Ingress;
import org.megaeth.sequencer.log.CorruptLogException;
import org.megaeth.sequencer.log.LogRecord;
import org.megaeth.sequencer.log.WalSequencerLog;
import org.megaeth.sequencer.mempool.Mempool;
import org.megaeth.sequencer.mempool.MempoolConfig;
import org.megaeth.sequencer.produce.IntervalStats;
import org.megaeth.sequencer.produce.Producer;
import org.megaeth.sequencer.produce.ProducerSettings;
import org.megaeth.sequencer.produce.ProductionLoop;
import org.megaeth.sequencer.produce.Publication;
import org.megaeth.sequencer.produce.PublishedChain;
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
   */
  public record Settings(
      Path dataDir,
      ProducerSettings producer,
      MempoolConfig mempool,
      int ingressThreads,
      int hashingThreads) {
    public Settings {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(producer, "producer");
      Objects.requireNonNull(mempool, "mempool");
    }
  }

  private final Settings settings;
  private final Genesis genesis;
  private final KeyPair key;
  private final List<Consumer<Publication.BlockOut>> sealListeners = new ArrayList<>();
  private final IntervalStats miniBlockIntervals = new IntervalStats();

  private ChainStore store;
  private WalSequencerLog log;
  private PublishedChain published;
  private Producer producer;
  private ProductionLoop loop;
  private Ingress ingress;
  private Mempool mempool;
  private ExecutorService ingressPool;
  private ForkJoinPool hashingPool;
  private Thread loopThread;
  private Thread publishThread;
  private java.util.concurrent.ScheduledExecutorService status;
  private long statusTransactions;
  private long statusNanos;

  public Sequencer(Settings settings, Genesis genesis, KeyPair key) {
    this.settings = settings;
    this.genesis = genesis;
    this.key = key;
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
    hashingPool = new ForkJoinPool(Math.max(1, settings.hashingThreads()));
    BlockExecutor executor = new BlockExecutor(genesis.config(), hashingPool);
    log =
        new WalSequencerLog(
            WriteAheadLog.open(settings.dataDir().resolve("wal"), WalConfig.DEFAULT));
    WorldState state = GenesisBlock.state(genesis);
    BlockHeader head = genesisBlock.header();
    FrozenBaseState headState = new FrozenBaseState(state.freeze());
    mempool = new Mempool(settings.mempool());
    published =
        new PublishedChain(
            store,
            genesis.config(),
            head,
            headState,
            0,
            out -> sealListeners.forEach(l -> l.accept(out)));
    producer =
        new Producer(
            settings.producer(),
            new BlockBuilder(executor),
            state,
            head,
            headState,
            0,
            mempool,
            log,
            store,
            key,
            s -> new FrozenBaseState(s.freeze()),
            published::enqueue);

    long start = System.nanoTime();
    int[] replayed = {0};
    log.replay(
        log.firstPosition(),
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
            producer::executedState);
    loop =
        new ProductionLoop(
            producer,
            settings.producer().miniBlockInterval(),
            settings.producer().blockInterval(),
            miniBlockIntervals);
    publishThread = Thread.ofPlatform().name("publisher").start(published);
    loopThread = Thread.ofPlatform().name("producer").start(loop);
    statusNanos = System.nanoTime();
    status =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sequencer-status").daemon(true).factory());
    status.scheduleAtFixedRate(this::logStatus, 10, 10, TimeUnit.SECONDS);
  }

  /** One status line for operators: progress, throughput, pacing, backlog. */
  private void logStatus() {
    long now = System.nanoTime();
    long transactions = published.transactionCount();
    double seconds = (now - statusNanos) / 1e9;
    double tps = (transactions - statusTransactions) / seconds;
    statusTransactions = transactions;
    statusNanos = now;
    LOG.info(
        "head {} | {} tx/s | mini-blocks p50 {} ms p99 {} ms | pool {} pending {} queued"
            + " | publish backlog {}",
        published.head().number(),
        String.format(java.util.Locale.ROOT, "%.0f", tps),
        String.format(java.util.Locale.ROOT, "%.1f", miniBlockIntervals.percentile(50) / 1e6),
        String.format(java.util.Locale.ROOT, "%.1f", miniBlockIntervals.percentile(99) / 1e6),
        mempool.pendingCount(),
        mempool.queuedCount(),
        published.backlog());
    miniBlockIntervals.reset();
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
    if (status != null) {
      status.shutdownNow();
    }
    if (ingressPool != null) {
      ingressPool.shutdownNow();
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
