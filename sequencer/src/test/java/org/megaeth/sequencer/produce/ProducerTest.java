package org.megaeth.sequencer.produce;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.exec.BlockResult;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.chain.parallel.ParallelExecutor;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.config.NodeOptions;
import org.megaeth.config.dev.DevAccount;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.tx.DynamicFeeTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionSigner;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.sequencer.ingress.AdmissionMetrics;
import org.megaeth.sequencer.ingress.Ingress;
import org.megaeth.sequencer.log.LogRecord;
import org.megaeth.sequencer.mempool.Mempool;
import org.megaeth.sequencer.mempool.MempoolConfig;
import org.megaeth.trie.state.WorldState;

/**
 * The producer end to end on one thread: transactions through ingress into the pool, mini-blocks,
 * visibility only after the log says durable, sealing, and replay of the log giving the same chain.
 */
class ProducerTest {
  private static final Address RECIPIENT =
      Address.fromHex("0x00000000000000000000000000000000000000aa");

  @TempDir Path dir;

  private DevPreset dev;
  private GenesisBlock genesis;
  private ChainStore store;
  private BlockExecutor executor;
  private MemoryLog log;
  private Mempool mempool;
  private Producer producer;
  private PublishedChain chain;
  private Ingress ingress;
  private ExecutorService workers;
  private final List<Block> stored = new ArrayList<>();
  private final List<Publication> published = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    dev = DevPreset.of(NodeOptions.builder().build());
    genesis = GenesisBlock.of(dev.genesis());
    store = ChainStore.open(dir.resolve("chain"), genesis.block(), dev.chainId(), false);
    executor = new BlockExecutor(dev.genesis().config(), null);
    log = new MemoryLog();
    mempool = new Mempool(MempoolConfig.defaults(dev.gasLimit()));
    workers = Executors.newFixedThreadPool(2);
    start(GenesisBlock.state(dev.genesis()), log);
  }

  private void start(WorldState state, MemoryLog log) {
    // The base must not change under the producer: a second copy of the start state.
    LiveBaseState base = new LiveBaseState(GenesisBlock.state(dev.genesis()));
    chain =
        new PublishedChain(
            store,
            dev.genesis().config(),
            genesis.header(),
            base,
            0,
            out -> stored.add(out.built().block()));
    producer =
        new Producer(
            new ProducerSettings(
                java.time.Duration.ofMillis(10),
                java.time.Duration.ofSeconds(1),
                dev.gasLimit(),
                Address.fromHex("0x00000000000000000000000000000000000000cb"),
                1000),
            new BlockBuilder(executor),
            new ParallelExecutor(null, 1),
            state,
            genesis.header(),
            base,
            0,
            mempool,
            log,
            store,
            dev.accounts().get(9).keyPair(),
            LiveBaseState::new,
            publication -> {
              published.add(publication);
              chain.enqueue(publication);
            });
    ingress =
        new Ingress(
            dev.genesis().config(),
            mempool,
            chain,
            workers,
            () ->
                new Ingress.NextBlock(
                    producer.head().number() + 1,
                    producer.head().timestamp() + 1,
                    producer.baseFee()),
            producer::executedState,
            new AdmissionMetrics(new SimpleMeterRegistry()));
  }

  @AfterEach
  void tearDown() {
    workers.shutdownNow();
    store.close();
  }

  @Test
  void aTransactionSubmittedAfterAnotherReachesThePoolOnlyAfterIt() throws Exception {
    Transaction tx = transfer(account(0), 0, 1_000);
    CompletableFuture<Void> before = new CompletableFuture<>();
    CompletableFuture<SubmitResult> second =
        ingress.submit(new PooledTransaction(tx, Optional.empty()), before);

    // Its sender is recovered meanwhile, but the pool has not seen it.
    Thread.sleep(100);
    assertThat(second).isNotDone();
    assertThat(mempool.contains(tx.hash())).isFalse();

    // A duplicate that is not held back is first, so the held one is the duplicate.
    assertThat(submit(tx)).isInstanceOf(SubmitResult.Accepted.class);
    before.completeExceptionally(new IllegalStateException("the one before was refused"));
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(SubmitResult.rejected("already known"));
  }

  @Test
  void resultsBecomeVisibleOnlyOnceTheirMiniBlockIsDurable() throws Exception {
    Transaction tx = transfer(account(0), 0, 1_000);
    assertThat(submit(tx)).isInstanceOf(SubmitResult.Accepted.class);
    var waiting = chain.awaitResult(tx.hash());

    log.hold();
    producer.openBlock(System.currentTimeMillis());
    assertThat(producer.runMiniBlock(1)).isEqualTo(1);
    assertThat(chain.applyDurable()).isZero();
    assertThat(waiting).isNotDone();
    assertThat(chain.newestState().balance(RECIPIENT)).isEqualTo(Wei.ZERO);
    // Admission already sees the executed nonce, so the sender's next transaction is pending.
    assertThat(producer.executedState().nonce(account(0).address())).isEqualTo(1);

    log.release();
    assertThat(chain.applyDurable()).isEqualTo(2); // the block's start, then the mini-block
    assertThat(waiting).isDone();
    TransactionResult result = waiting.get();
    assertThat(result.receipt().success()).isTrue();
    assertThat(result.gasUsed()).isEqualTo(21_000);
    assertThat(result.blockHash()).isEmpty();
    assertThat(chain.newestState().balance(RECIPIENT)).isEqualTo(Wei.of(UInt256.valueOf(1_000)));
  }

  @Test
  void aPublishedMiniBlockCarriesWhatTheSequencerKeySigns() throws Exception {
    Transaction first = transfer(account(0), 0, 1);
    Transaction second = transfer(account(1), 0, 2);
    submit(first);
    submit(second);
    producer.openBlock(System.currentTimeMillis());
    assertThat(producer.runMiniBlock(1)).isEqualTo(2);

    Publication.MiniBlockOut out =
        published.stream()
            .filter(Publication.MiniBlockOut.class::isInstance)
            .map(Publication.MiniBlockOut.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(out.results())
        .extracting(TransactionResult::transactionHash)
        .containsExactly(first.hash(), second.hash());
    // The encodings it carries are its results' receipts, in order: the digest commits to them.
    assertThat(out.encodedReceipts())
        .containsExactlyElementsOf(out.results().stream().map(r -> r.receipt().encode()).toList());

    KeyPair sequencer = dev.accounts().get(9).keyPair();
    Hash digest = MiniBlockSigning.digest(out);
    assertThat(Secp256k1.recoverAddress(digest, MiniBlockSigning.sign(out, sequencer.secretKey())))
        .contains(sequencer.address());
    Publication.MiniBlockOut renumbered =
        new Publication.MiniBlockOut(
            out.sequence() + 1,
            out.blockNumber(),
            out.index(),
            out.timestampMicros(),
            out.results(),
            out.encodedReceipts(),
            out.diff(),
            out.durable());
    assertThat(MiniBlockSigning.digest(renumbered)).isNotEqualTo(digest);
  }

  @Test
  void sealsBlocksThatTheValidatingExecutorAcceptsAndReplayGivesTheSameChain() throws Exception {
    KeyPair alice = account(0);
    KeyPair bob = account(1);
    for (int block = 0; block < 3; block++) {
      producer.openBlock(System.currentTimeMillis());
      for (int mini = 0; mini < 3; mini++) {
        int nonce = block * 3 + mini;
        assertThat(submit(transfer(alice, nonce, 1 + nonce)))
            .isInstanceOf(SubmitResult.Accepted.class);
        assertThat(submit(transfer(bob, nonce, 2))).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(producer.runMiniBlock(mini)).isEqualTo(2);
      }
      assertThat(producer.runMiniBlock(99)).isZero(); // no empty mini-blocks
      producer.sealBlock();
      chain.drain();
    }
    assertThat(stored).hasSize(3);
    assertThat(chain.head().number()).isEqualTo(3);
    assertThat(store.head()).isEqualTo(chain.head().hash());
    TransactionResult sealed =
        chain
            .awaitResult(stored.get(2).body().transactions().get(0).hash())
            .get(1, TimeUnit.SECONDS);
    assertThat(sealed.blockHash()).contains(stored.get(2).hash());

    // An independent node validates every block from genesis.
    WorldState validator = GenesisBlock.state(dev.genesis());
    var parent = genesis.header();
    for (Block block : stored) {
      BlockResult result = executor.execute(validator, parent, block, store, true);
      assertThat(result).isInstanceOf(BlockResult.Valid.class);
      parent = block.header();
    }

    // A restart: replaying the log on the genesis state gives the same head.
    List<LogRecord> records = log.copy();
    MemoryLog replayLog = new MemoryLog();
    Mempool before = mempool;
    mempool = new Mempool(MempoolConfig.defaults(dev.gasLimit()));
    stored.clear();
    start(GenesisBlock.state(dev.genesis()), replayLog);
    for (int i = 0; i < records.size(); i++) {
      producer.replay(records.get(i), i);
    }
    chain.drain();
    assertThat(producer.head().hash()).isEqualTo(parent.hash());
    assertThat(replayLog.records).isEmpty();
    assertThat(before.size()).isZero();
  }

  @Test
  void sealedBlocksReadTheSameFromMemoryAndFromTheStore() throws Exception {
    KeyPair alice = account(0);
    KeyPair bob = account(1);
    int blocks = PublishedChain.KEPT_RECENT_BLOCKS + 3;
    for (int block = 0; block < blocks; block++) {
      producer.openBlock(System.currentTimeMillis());
      submit(transfer(alice, block, 1));
      submit(transfer(bob, block, 2));
      assertThat(producer.runMiniBlock(block)).isEqualTo(2);
      producer.sealBlock();
      chain.drain();
    }
    for (Block block : stored) {
      // The newest ones come from memory, the older ones from the store: the same either way.
      Hash hash = block.hash();
      assertThat(chain.block(hash)).contains(store.block(hash).orElseThrow());
      assertThat(chain.block(block.number())).contains(store.block(hash).orElseThrow());
      assertThat(chain.receipts(hash)).isEqualTo(store.receipts(hash));
      boolean recent = block.number() > blocks - PublishedChain.KEPT_RECENT_BLOCKS;
      if (recent) {
        assertThat(chain.sender(hash, 0)).isPresent();
        assertThat(chain.sender(hash, 2)).isEmpty();
      }
      chain.sender(hash, 0).ifPresent(s -> assertThat(s).isIn(alice.address(), bob.address()));
    }
    Block newest = stored.get(stored.size() - 1);
    assertThat(
            List.of(
                chain.sender(newest.hash(), 0).orElseThrow(),
                chain.sender(newest.hash(), 1).orElseThrow()))
        .containsExactlyInAnyOrder(alice.address(), bob.address());
  }

  @Test
  void anOpenBlockIsContinuedAfterReplay() throws Exception {
    producer.openBlock(System.currentTimeMillis());
    submit(transfer(account(0), 0, 5));
    producer.runMiniBlock(1);
    List<LogRecord> records = log.copy();
    assertThat(records).hasSize(2);

    MemoryLog next = new MemoryLog();
    mempool = new Mempool(MempoolConfig.defaults(dev.gasLimit()));
    start(GenesisBlock.state(dev.genesis()), next);
    for (int i = 0; i < records.size(); i++) {
      producer.replay(records.get(i), i);
    }
    assertThat(producer.isOpen()).isTrue();
    assertThat(producer.nextSequence()).isEqualTo(1);
    submit(transfer(account(0), 1, 5));
    assertThat(producer.runMiniBlock(2)).isEqualTo(1);
    producer.sealBlock();
    chain.drain();
    assertThat(stored)
        .singleElement()
        .satisfies(b -> assertThat(b.body().transactions()).hasSize(2));
    assertThat(chain.newestState().balance(RECIPIENT)).isEqualTo(Wei.of(UInt256.valueOf(10)));
  }

  @Test
  void ingressRefusesWithGethsWords() throws Exception {
    Transaction wrongChain =
        TransactionSigner.sign(
            new DynamicFeeTransaction(
                Optional.of(UInt256.valueOf(dev.chainId() + 1)),
                0,
                Wei.fromGwei(1),
                Wei.fromGwei(10),
                21_000,
                Optional.of(RECIPIENT),
                Wei.of(1),
                Bytes.EMPTY,
                List.of(),
                TransactionSigner.UNSIGNED),
            account(0).secretKey());
    assertThat(submit(wrongChain))
        .isEqualTo(
            SubmitResult.rejected(
                "invalid sender: invalid chain id for signer: have %d want %d"
                    .formatted(dev.chainId() + 1, dev.chainId())));
    submit(transfer(account(0), 0, 1));
    assertThat(submit(transfer(account(0), 0, 1))).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(((SubmitResult.Rejected) submit(transfer(account(0), 0, 1))).message())
        .isEqualTo("already known");
  }

  private SubmitResult submit(Transaction tx) throws Exception {
    return ingress.submit(new PooledTransaction(tx, Optional.empty())).get(5, TimeUnit.SECONDS);
  }

  private KeyPair account(int index) {
    DevAccount account = dev.accounts().get(index);
    return account.keyPair();
  }

  private Transaction transfer(KeyPair from, long nonce, long wei) {
    return TransactionSigner.sign(
        new DynamicFeeTransaction(
            Optional.of(UInt256.valueOf(dev.chainId())),
            nonce,
            Wei.fromGwei(1),
            Wei.fromGwei(10),
            21_000,
            Optional.of(RECIPIENT),
            Wei.of(UInt256.valueOf(wei)),
            Bytes.EMPTY,
            List.of(),
            TransactionSigner.UNSIGNED),
        from.secretKey());
  }
}
