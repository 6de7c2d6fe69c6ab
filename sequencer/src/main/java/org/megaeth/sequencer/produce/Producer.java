package org.megaeth.sequencer.produce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BaseFee;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockBuilder.OpenBlock;
import org.megaeth.chain.exec.HeaderLookup;
import org.megaeth.chain.parallel.ParallelExecutor;
import org.megaeth.chain.parallel.ParallelMetrics;
import org.megaeth.core.api.BlockContext;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.KeyPair;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.sequencer.log.LogRecord;
import org.megaeth.sequencer.log.SequencerLog;
import org.megaeth.sequencer.mempool.Mempool;
import org.megaeth.sequencer.mempool.PoolTransaction;
import org.megaeth.sequencer.state.BaseState;
import org.megaeth.sequencer.state.PendingState;
import org.megaeth.trie.state.WorldState;

/**
 * Makes blocks: opens an EVM block, runs the mempool's ready transactions into it as mini-blocks,
 * and seals it. Every step is first written to the {@link SequencerLog}; what it produces is handed
 * to {@code publish} with the future of that write, so nothing becomes visible before it is durable
 * while execution goes on with the next mini-block (the log's group commit covers the wait).
 *
 * <p>Owns the world state: only the production thread calls it. {@link #replay} drives the same
 * steps from logged records after a restart, so recovery runs the code that produced the chain.
 */
public final class Producer {
  private final ProducerSettings settings;
  private final BlockBuilder builder;
  private final ParallelExecutor parallel;
  private final WorldState state;
  private final Mempool mempool;
  private final SequencerLog log;
  private final Consumer<Publication> publish;
  private final Function<WorldState, BaseState> freeze;
  private final KeyPair key;
  private final RecentHeaders headers;
  private final MiniBlockBudget budget;
  private final ExecutionStats executionStats = new ExecutionStats();

  /** How the newest mini-block's execution went, for the per-mini-block meters. */
  private ParallelMetrics lastExecution = ParallelMetrics.serial(0, 0);

  private BlockHeader head;
  private OpenBlock open;
  private LogRecord.BlockOpened opened;
  private Wei baseFee;
  private int miniBlockIndex;
  private int transactionCount;
  private int logCount;
  private long cumulativeGas;
  private long sequence;

  /**
   * The state after every executed mini-block, durable or not: for admission checks only (the pool
   * must see a sender's newest nonce), never shown to anyone.
   */
  private volatile PendingState executed;

  /** The future of the newest record written, which later publications may not overtake. */
  private CompletableFuture<Void> lastDurable = CompletableFuture.completedFuture(null);

  /**
   * @param parallel executes mini-blocks, on worker threads or on the calling thread alone
   * @param head the newest sealed block, whose post-state {@code state} holds
   * @param sequence the sequence number the next mini-block gets
   * @param publish receives publications on the production thread, in order; must not block
   * @param freeze takes a read-only view of the state right after a seal
   */
  public Producer(
      ProducerSettings settings,
      BlockBuilder builder,
      ParallelExecutor parallel,
      WorldState state,
      BlockHeader head,
      BaseState headState,
      long sequence,
      Mempool mempool,
      SequencerLog log,
      HeaderLookup store,
      KeyPair key,
      Function<WorldState, BaseState> freeze,
      Consumer<Publication> publish) {
    this.settings = settings;
    this.builder = builder;
    this.parallel = parallel;
    this.state = state;
    this.head = head;
    this.sequence = sequence;
    this.mempool = mempool;
    this.log = log;
    this.key = key;
    this.freeze = freeze;
    this.publish = publish;
    this.headers = new RecentHeaders(store);
    this.budget =
        new MiniBlockBudget(
            settings.miniBlockInterval().toNanos(), settings.maxTransactionsPerMiniBlock());
    headers.add(head);
    this.executed = PendingState.of(headState, sequence - 1);
  }

  /** The state after every executed mini-block, for admission checks; any thread. */
  public PendingState executedState() {
    return executed;
  }

  /** The mini-blocks' execution metrics (parallelism, conflicts), for the status line. */
  public ExecutionStats executionStats() {
    return executionStats;
  }

  /** How the newest mini-block's execution went; production thread only. */
  public ParallelMetrics lastExecution() {
    return lastExecution;
  }

  /** The newest sealed block. */
  public BlockHeader head() {
    return head;
  }

  /** Whether a block is open. */
  public boolean isOpen() {
    return open != null;
  }

  /** The open block's number; only while {@link #isOpen()}. */
  public long openNumber() {
    return opened.blockNumber();
  }

  /** The base fee of the open block, or of the next one when none is open. */
  public Wei baseFee() {
    return baseFee != null ? baseFee : Wei.of(BaseFee.next(head));
  }

  /** The sequence number the next mini-block gets. */
  public long nextSequence() {
    return sequence;
  }

  /** Opens the next block with the time now (seconds), logging its attributes. */
  public void openBlock(long nowMillis) {
    long timestamp = Math.max(head.timestamp() + 1, nowMillis / 1000);
    LogRecord.BlockOpened record =
        new LogRecord.BlockOpened(
            head.number() + 1,
            head.hash(),
            timestamp,
            settings.coinbase(),
            Keccak.hash(head.hash().bytes()),
            settings.gasLimit(),
            Bytes.EMPTY);
    SequencerLog.Appended appended = log.append(record);
    lastDurable = appended.durable();
    start(record);
  }

  private void start(LogRecord.BlockOpened record) {
    if (record.blockNumber() != head.number() + 1 || !record.parentHash().equals(head.hash())) {
      throw new IllegalStateException(
          "block %d on %s does not follow the head %d %s"
              .formatted(record.blockNumber(), record.parentHash(), head.number(), head.hash()));
    }
    BlockBuilder.Attributes attributes =
        new BlockBuilder.Attributes(
            record.coinbase(),
            record.timestamp(),
            record.prevRandao(),
            Hash.ZERO,
            List.of(),
            record.gasLimit(),
            record.extraData());
    open = builder.open(state, head, attributes, headers, true, parallel);
    opened = record;
    baseFee = Wei.of(BaseFee.next(head));
    miniBlockIndex = 0;
    transactionCount = 0;
    logCount = 0;
    cumulativeGas = 0;
    // The start-of-block system calls changed the state: show that before any transaction.
    StateDiff systemCalls = open.addTransactions(List.of()).diff();
    BlockContext context =
        new BlockContext(
            record.blockNumber(),
            record.timestamp(),
            baseFee,
            open.gasLimit(),
            record.coinbase(),
            record.prevRandao(),
            open.excessBlobGas(),
            record.parentHash());
    executed = executed.with(systemCalls, sequence - 1);
    publish.accept(new Publication.StateOut(context, sequence - 1, systemCalls, lastDurable));
  }

  /**
   * Runs the mempool's ready transactions as the next mini-block of the open block.
   *
   * @return how many transactions it included; 0 means no mini-block was made
   */
  public int runMiniBlock(long nowMicros) {
    long gasLeft = open.gasLimit() - open.gasUsed();
    List<PoolTransaction> ready = mempool.selectReady(baseFee, gasLeft, budget.limit());
    if (ready.isEmpty()) {
      return 0;
    }
    List<BlockBuilder.Candidate> candidates = new ArrayList<>(ready.size());
    for (PoolTransaction ptx : ready) {
      // The sender was recovered, and the encoding and hash made, at ingress.
      candidates.add(open.candidate(ptx.tx(), ptx.sender(), ptx.encoded(), ptx.hash()));
    }
    long started = System.nanoTime();
    BlockBuilder.MiniBlock mini = open.addCandidates(candidates);
    budget.record(candidates.size(), System.nanoTime() - started);
    executionStats.record(mini.metrics());
    lastExecution = mini.metrics();
    // Before the pool forgets the included transactions, so admission never sees older nonces.
    executed = executed.with(mini.diff(), sequence);
    Map<Address, Long> nextNonces = new HashMap<>();
    List<Bytes> encoded = new ArrayList<>(mini.included().size());
    for (BlockBuilder.Candidate included : mini.included()) {
      encoded.add(included.encoded());
      nextNonces.merge(included.sender(), included.tx().nonce() + 1, Math::max);
    }
    mempool.removeIncluded(nextNonces);
    for (BlockBuilder.Skipped skipped : mini.skipped()) {
      if (!BlockFull.is(skipped.reason())) {
        mempool.remove(skipped.transaction().hash()); // it can never run as it is
      }
    }
    if (mini.included().isEmpty()) {
      return 0;
    }
    LogRecord.MiniBlockLogged record =
        new LogRecord.MiniBlockLogged(
            opened.blockNumber(), miniBlockIndex, sequence, nowMicros, encoded);
    SequencerLog.Appended appended = log.append(record);
    lastDurable = appended.durable();
    publishMiniBlock(record, mini);
    return mini.included().size();
  }

  private void publishMiniBlock(LogRecord.MiniBlockLogged record, BlockBuilder.MiniBlock mini) {
    List<TransactionResult> results = new ArrayList<>(mini.included().size());
    for (int i = 0; i < mini.included().size(); i++) {
      BlockBuilder.Candidate included = mini.included().get(i);
      Transaction tx = included.tx();
      Receipt receipt = mini.receipts().get(i);
      Address sender = included.sender();
      Optional<Address> created =
          tx.isContractCreation()
              ? Optional.of(FrameRunner.createAddress(sender, tx.nonce()))
              : Optional.empty();
      results.add(
          new TransactionResult(
              tx,
              included.hash(),
              sender,
              receipt,
              receipt.cumulativeGasUsed() - cumulativeGas,
              tx.effectiveGasPrice(baseFee),
              created,
              opened.blockNumber(),
              opened.timestamp(),
              transactionCount,
              logCount,
              OptionalInt.of(miniBlockIndex),
              0,
              Optional.empty(),
              Optional.empty()));
      cumulativeGas = receipt.cumulativeGasUsed();
      transactionCount++;
      logCount += receipt.logs().size();
    }
    // Not signed here: the signature (MiniBlockSigning) hashes every receipt and the diff, ~12%
    // of this thread's time, and this thread is the sequencer's serial limit. Whoever sends the
    // mini-block to peers signs it from what the publication carries.
    publish.accept(
        new Publication.MiniBlockOut(
            record.sequence(),
            record.blockNumber(),
            record.index(),
            record.timestampMicros(),
            results,
            mini.encodedReceipts(),
            mini.diff(),
            lastDurable));
    miniBlockIndex++;
    sequence++;
  }

  /** Seals the open block: roots, header, witness; logs the seal and publishes the block. */
  public BlockHeader sealBlock() {
    BlockBuilder.Built built = open.seal();
    Hash hash = built.block().hash();
    SequencerLog.Appended appended =
        log.append(new LogRecord.BlockSealed(opened.blockNumber(), hash));
    lastDurable = appended.durable();
    return finishSeal(built, appended.position());
  }

  private BlockHeader finishSeal(BlockBuilder.Built built, long nextLogPosition) {
    head = built.block().header();
    headers.add(head);
    open = null;
    opened = null;
    baseFee = null;
    Signature signature = Secp256k1.sign(head.hash(), key.secretKey());
    BaseState sealed = freeze.apply(state);
    executed = PendingState.of(sealed, sequence - 1);
    publish.accept(
        new Publication.BlockOut(built, sealed, sequence, signature, nextLogPosition, lastDurable));
    return head;
  }

  /**
   * Applies one logged record again after a restart: the same steps as when it was made, without
   * logging it again. Records of blocks at or below the head (covered by the snapshot) are skipped.
   *
   * @throws IllegalStateException when the record does not fit the chain (a log from another chain
   *     or state), or re-running it does not give what was logged
   */
  public void replay(LogRecord record, long position) {
    if (record.blockNumber() <= head.number()) {
      return;
    }
    switch (record) {
      case LogRecord.BlockOpened o -> {
        if (open != null) {
          throw new IllegalStateException(
              "the log opens block %d while block %d is open"
                  .formatted(o.blockNumber(), opened.blockNumber()));
        }
        start(o);
      }
      case LogRecord.MiniBlockLogged m -> replayMiniBlock(m);
      case LogRecord.BlockSealed s -> {
        requireOpen(s.blockNumber());
        BlockBuilder.Built built = open.seal();
        if (!built.block().hash().equals(s.hash())) {
          throw new IllegalStateException(
              "re-running block %d gives hash %s but the log says %s"
                  .formatted(s.blockNumber(), built.block().hash(), s.hash()));
        }
        finishSeal(built, position);
      }
    }
  }

  private void replayMiniBlock(LogRecord.MiniBlockLogged record) {
    requireOpen(record.blockNumber());
    if (record.index() != miniBlockIndex || record.sequence() != sequence) {
      throw new IllegalStateException(
          "the log has mini-block %d (sequence %d) of block %d where %d (sequence %d) was due"
              .formatted(
                  record.index(),
                  record.sequence(),
                  record.blockNumber(),
                  miniBlockIndex,
                  sequence));
    }
    List<BlockBuilder.Candidate> candidates = new ArrayList<>(record.transactions().size());
    for (Bytes encoded : record.transactions()) {
      Transaction tx = TransactionDecoder.decode(encoded);
      BlockBuilder.Candidate candidate = open.validate(tx); // recovers the sender, once
      if (!(candidate.validity() instanceof TransactionValidity.Valid)) {
        throw new IllegalStateException(
            "a logged transaction of block %d is invalid: %s"
                .formatted(record.blockNumber(), candidate.validity()));
      }
      candidates.add(candidate);
    }
    BlockBuilder.MiniBlock mini = open.addCandidates(candidates);
    executed = executed.with(mini.diff(), sequence);
    if (!mini.skipped().isEmpty()) {
      throw new IllegalStateException(
          "re-running mini-block %d of block %d skips %s: %s"
              .formatted(
                  record.index(),
                  record.blockNumber(),
                  mini.skipped().get(0).transaction().hash(),
                  mini.skipped().get(0).reason()));
    }
    Map<Address, Long> nextNonces = new HashMap<>();
    for (BlockBuilder.Candidate included : mini.included()) {
      nextNonces.merge(included.sender(), included.tx().nonce() + 1, Math::max);
    }
    mempool.removeIncluded(nextNonces);
    publishMiniBlock(record, mini);
  }

  private void requireOpen(long number) {
    if (open == null || opened.blockNumber() != number) {
      throw new IllegalStateException(
          "the log continues block %d, which is not open (head %d)"
              .formatted(number, head.number()));
    }
  }
}
