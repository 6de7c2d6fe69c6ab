package org.megaeth.sequencer.produce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.megaeth.chain.storage.StorageException;
import org.megaeth.chain.store.ChainStore;
import org.megaeth.core.api.AccountProof;
import org.megaeth.core.api.BlockContext;
import org.megaeth.core.api.BlockRef;
import org.megaeth.core.api.ChainEvents;
import org.megaeth.core.api.ChainListener;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.MiniBlock;
import org.megaeth.core.api.SealedBlock;
import org.megaeth.core.api.StateReader;
import org.megaeth.core.api.StateView;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.sequencer.state.BaseState;
import org.megaeth.sequencer.state.PendingState;
import org.megaeth.trie.state.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer's chain as others see it: what the producer made, applied in order once the log
 * record behind each piece is durable, on one thread of its own ({@link #run}). Readers on any
 * thread get the newest applied state and blocks, never something a crash could take back.
 *
 * <p>Serves the node-core read interfaces the JSON-RPC server uses: sealed blocks, receipts and
 * lookups from the chain store; states (the newest mini-block's, and those of the last {@value
 * #KEPT_STATES} sealed blocks); preconfirmed transaction results; and events.
 */
public final class PublishedChain implements ChainReader, StateReader, ChainEvents, Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedChain.class);

  /** Sealed states kept for reads by number, as geth keeps the last 128 in memory. */
  static final int KEPT_STATES = 128;

  /** Blocks whose transaction results stay in memory after sealing, for late waiters. */
  private static final int KEPT_RESULT_BLOCKS = 2;

  private final ChainStore store;
  private final ChainConfig chainConfig;
  private final Consumer<Publication.BlockOut> afterSeal;
  private final LinkedBlockingQueue<Publication> queue = new LinkedBlockingQueue<>();
  private final CopyOnWriteArrayList<ChainListener> listeners = new CopyOnWriteArrayList<>();

  /** Guards the result and waiter maps. */
  private final Object resultsLock = new Object();

  private final Map<Hash, TransactionResult> results = new HashMap<>();
  private final ArrayDeque<List<Hash>> resultsByBlock = new ArrayDeque<>();
  private final Map<Hash, CompletableFuture<TransactionResult>> waiters = new HashMap<>();
  private List<Hash> openBlockResults = new ArrayList<>();

  /**
   * The newest sealed blocks, decoded, with their receipts and senders, newest last: the reads that
   * follow a seal (every wallet polls for its receipt) are answered without decoding the whole
   * block from the store, which for a block of thousands of transactions costs milliseconds per
   * receipt.
   */
  private final ArrayDeque<RecentBlock> recentBlocks = new ArrayDeque<>();

  /** How many sealed blocks {@link #recentBlocks} keeps: seconds of receipt polling. */
  static final int KEPT_RECENT_BLOCKS = 8;

  /** Older blocks read lately, decoded; see {@link ReadBlockCache}. */
  private final ReadBlockCache readBlocks = new ReadBlockCache(KEPT_READ_TRANSACTIONS);

  /** How many transactions the read blocks kept may hold in all: ~100 MB of decoded blocks. */
  static final long KEPT_READ_TRANSACTIONS = 100_000;

  private record RecentBlock(
      Hash hash, Block block, List<Receipt> receipts, List<Address> senders) {}

  /** Sealed headers with their states, newest last; written by the publishing thread only. */
  private final ArrayDeque<SealedState> sealedStates = new ArrayDeque<>();

  private volatile Newest newest;
  private volatile long transactionCount;
  private volatile long safeNumber;
  private volatile boolean stopped;
  private volatile Throwable failure;

  private record SealedState(BlockHeader header, BaseState state) {}

  /** The newest state and the sealed head, replaced together. */
  private record Newest(BlockHeader head, BlockContext block, PendingState state) {}

  /**
   * @param head the newest sealed block, and {@code headState} its post-state
   * @param afterSeal called on the publishing thread after a block is stored (DA, snapshots)
   */
  public PublishedChain(
      ChainStore store,
      ChainConfig chainConfig,
      BlockHeader head,
      BaseState headState,
      long sequence,
      Consumer<Publication.BlockOut> afterSeal) {
    this.store = store;
    this.chainConfig = chainConfig;
    this.afterSeal = afterSeal;
    sealedStates.addLast(new SealedState(head, headState));
    this.newest = new Newest(head, nextContext(head), PendingState.of(headState, sequence));
  }

  /** Hands over a publication; it is applied once durable. Called by the production thread. */
  public void enqueue(Publication publication) {
    queue.add(publication);
  }

  /** Applies publications until {@link #stop} and the queue is drained. */
  @Override
  public void run() {
    try {
      while (true) {
        Publication next = queue.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (next == null) {
          if (stopped) {
            return;
          }
          continue;
        }
        next.durable().join(); // a log failure ends publishing: nothing more becomes visible
        apply(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      LOG.error("publishing stopped: {}", e.getMessage(), e);
    }
  }

  /** Applies every publication handed over so far, on the caller's thread (recovery, tests). */
  public void drain() {
    Publication next;
    while ((next = queue.poll()) != null) {
      next.durable().join();
      apply(next);
    }
  }

  /**
   * Applies, on the caller's thread, the publications whose log records are already durable, up to
   * the first that is not; returns how many.
   */
  public int applyDurable() {
    int applied = 0;
    Publication next;
    while ((next = queue.peek()) != null && next.durable().isDone()) {
      queue.poll();
      next.durable().join();
      apply(next);
      applied++;
    }
    return applied;
  }

  /** Lets {@link #run} return once the queue is empty. */
  public void stop() {
    stopped = true;
  }

  /** Why publishing stopped, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** How many transactions were published since start (replayed ones included). */
  public long transactionCount() {
    return transactionCount;
  }

  /** How many publications wait for their log record or their turn. */
  public int backlog() {
    return queue.size();
  }

  private void apply(Publication publication) {
    switch (publication) {
      case Publication.StateOut out -> {
        Newest current = newest;
        newest =
            new Newest(
                current.head(), out.block(), current.state().with(out.diff(), out.sequence()));
      }
      case Publication.MiniBlockOut out -> applyMiniBlock(out);
      case Publication.BlockOut out -> applyBlock(out);
    }
  }

  private void applyMiniBlock(Publication.MiniBlockOut out) {
    transactionCount += out.results().size();
    Newest current = newest;
    newest =
        new Newest(
            current.head(), current.block(), current.state().with(out.diff(), out.sequence()));
    Map<CompletableFuture<TransactionResult>, TransactionResult> ready = new HashMap<>();
    synchronized (resultsLock) {
      for (TransactionResult result : out.results()) {
        results.put(result.transactionHash(), result);
        openBlockResults.add(result.transactionHash());
        CompletableFuture<TransactionResult> waiter = waiters.remove(result.transactionHash());
        if (waiter != null) {
          ready.put(waiter, result);
        }
      }
    }
    ready.forEach(CompletableFuture::complete); // outside the lock: callers may run inline
    MiniBlock event =
        new MiniBlock(
            out.sequence(), out.blockNumber(), out.index(), out.timestampMicros(), out.results());
    for (ChainListener listener : listeners) {
      try {
        listener.onMiniBlock(event);
      } catch (RuntimeException e) {
        LOG.warn("a mini-block listener failed: {}", e.toString());
      }
    }
  }

  private void applyBlock(Publication.BlockOut out) {
    Block block = out.built().block();
    Hash hash = block.hash();
    try {
      store.writeBlock(
          block,
          out.built().receipts(),
          out.built().diff(),
          out.built().witness(),
          out.built().encodings());
    } catch (org.megaeth.chain.storage.StorageException e) {
      throw new IllegalStateException(
          "cannot store block " + block.header().number() + ": " + e.getMessage(), e);
    }
    synchronized (sealedStates) {
      sealedStates.addLast(new SealedState(block.header(), out.state()));
      while (sealedStates.size() > KEPT_STATES) {
        sealedStates.removeFirst();
      }
    }
    List<Address> senders = new ArrayList<>(block.body().transactions().size());
    synchronized (resultsLock) {
      for (Hash tx : out.built().encodings().transactionHashes()) {
        TransactionResult result = results.get(tx);
        if (result == null) {
          senders = null; // not all known here: reads fall back to the store
          break;
        }
        senders.add(result.sender());
      }
    }
    synchronized (recentBlocks) {
      recentBlocks.addLast(
          new RecentBlock(
              hash, block, out.built().receipts(), senders == null ? null : List.copyOf(senders)));
      while (recentBlocks.size() > KEPT_RECENT_BLOCKS) {
        recentBlocks.removeFirst();
      }
    }
    synchronized (resultsLock) {
      for (Hash tx : openBlockResults) {
        TransactionResult result = results.get(tx);
        if (result != null) {
          results.put(tx, result.sealedIn(hash));
        }
      }
      resultsByBlock.addLast(openBlockResults);
      openBlockResults = new ArrayList<>();
      while (resultsByBlock.size() > KEPT_RESULT_BLOCKS) {
        for (Hash tx : resultsByBlock.removeFirst()) {
          results.remove(tx);
        }
      }
      // Waiters whose caller gave up (a timeout cancels the future) are dropped here.
      waiters.values().removeIf(CompletableFuture::isDone);
    }
    newest =
        new Newest(
            block.header(),
            nextContext(block.header()),
            PendingState.of(out.state(), out.sequence()));
    SealedBlock event =
        new SealedBlock(
            block,
            hash,
            out.built().receipts(),
            out.built().encodings().transactionHashes(),
            block.encodedSize(out.built().encodings().transactions()));
    for (ChainListener listener : listeners) {
      try {
        listener.onBlockSealed(event);
      } catch (RuntimeException e) {
        LOG.warn("a block listener failed: {}", e.toString());
      }
    }
    afterSeal.accept(out);
  }

  /** Tells pending-transaction listeners about a transaction the pool accepted. */
  public void pendingTransaction(Hash hash) {
    for (ChainListener listener : listeners) {
      try {
        listener.onPendingTransaction(hash);
      } catch (RuntimeException e) {
        LOG.warn("a pending-transaction listener failed: {}", e.toString());
      }
    }
  }

  /** Marks blocks up to {@code number} as published to DA. */
  public void markSafe(long number) {
    if (number > safeNumber) {
      safeNumber = number;
    }
  }

  /** The newest state: after the newest published mini-block. */
  public PendingState newestState() {
    return newest.state();
  }

  /**
   * The result of a transaction once its mini-block is published (immediately when it already is).
   * The caller bounds the wait; cancelling the future drops it.
   */
  public CompletableFuture<TransactionResult> awaitResult(Hash transactionHash) {
    synchronized (resultsLock) {
      TransactionResult result = results.get(transactionHash);
      if (result != null) {
        return CompletableFuture.completedFuture(result);
      }
      return waiters.computeIfAbsent(transactionHash, h -> new CompletableFuture<>());
    }
  }

  /** A preconfirmed or recently sealed transaction's result, if still in memory. */
  public Optional<TransactionResult> result(Hash transactionHash) {
    synchronized (resultsLock) {
      return Optional.ofNullable(results.get(transactionHash));
    }
  }

  // ------------------------------------------------------------------ ChainEvents

  @Override
  public Subscription subscribe(ChainListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  // ------------------------------------------------------------------ ChainReader

  @Override
  public ChainConfig chainConfig() {
    return chainConfig;
  }

  @Override
  public BlockHeader head() {
    return newest.head();
  }

  @Override
  public long safeNumber() {
    return safeNumber;
  }

  @Override
  public long finalizedNumber() {
    return 0; // no prover quorum attests blocks yet
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return number > head().number() ? Optional.empty() : store.header(number);
  }

  @Override
  public Optional<BlockHeader> header(Hash blockHash) {
    return store.header(blockHash);
  }

  @Override
  public Optional<Block> block(long number) {
    if (number > head().number()) {
      return Optional.empty();
    }
    synchronized (recentBlocks) {
      for (RecentBlock recent : recentBlocks) {
        if (recent.block().number() == number) {
          return Optional.of(recent.block());
        }
      }
    }
    return store
        .canonicalHash(number)
        .map(
            hash ->
                block(hash)
                    .orElseThrow(
                        () ->
                            new StorageException.Unchecked(
                                "the chain store is corrupt: canonical block %d %s has no body"
                                    .formatted(number, hash))));
  }

  @Override
  public Optional<Block> block(Hash blockHash) {
    RecentBlock recent = recent(blockHash);
    return recent != null
        ? Optional.of(recent.block())
        : readBlocks.block(blockHash, () -> store.block(blockHash));
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash blockHash) {
    RecentBlock recent = recent(blockHash);
    return recent != null
        ? Optional.of(recent.receipts())
        : readBlocks.receipts(blockHash, () -> store.receipts(blockHash));
  }

  private RecentBlock recent(Hash blockHash) {
    synchronized (recentBlocks) {
      for (RecentBlock recent : recentBlocks) {
        if (recent.hash().equals(blockHash)) {
          return recent;
        }
      }
    }
    return null;
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return store
        .transactionLocation(transactionHash)
        .map(l -> new TransactionLocation(l.blockHash(), l.blockNumber(), l.index()));
  }

  @Override
  public Optional<Address> sender(Hash blockHash, int index) {
    RecentBlock recent = recent(blockHash);
    if (recent != null && recent.senders() != null) {
      return index >= 0 && index < recent.senders().size()
          ? Optional.of(recent.senders().get(index))
          : Optional.empty();
    }
    return readBlocks.sender(blockHash, index, () -> store.block(blockHash));
  }

  @Override
  public Optional<ExecutionWitness> witness(Hash blockHash) {
    return store.witness(blockHash);
  }

  // ------------------------------------------------------------------ StateReader

  @Override
  public Optional<StateView> state(BlockRef ref) {
    return switch (ref) {
      case BlockRef.Newest n -> {
        Newest current = newest;
        yield Optional.of(new PendingView(current.block(), current.state()));
      }
      case BlockRef.Number number -> sealedState(number.number(), null);
      case BlockRef.ByHash byHash -> sealedState(-1, byHash.hash());
    };
  }

  private Optional<StateView> sealedState(long number, Hash hash) {
    SealedState[] states;
    synchronized (sealedStates) {
      states = sealedStates.toArray(new SealedState[0]);
    }
    for (int i = states.length - 1; i >= 0; i--) {
      BlockHeader header = states[i].header();
      if (header.number() == number || header.hash().equals(hash)) {
        return Optional.of(
            new PendingView(BlockContext.of(header), PendingState.of(states[i].state(), -1)));
      }
    }
    return Optional.empty();
  }

  private BlockContext nextContext(BlockHeader head) {
    return new BlockContext(
        head.number() + 1,
        head.timestamp() + 1,
        Wei.of(org.megaeth.chain.exec.BaseFee.next(head)),
        head.gasLimit(),
        Address.ZERO,
        Hash.ZERO,
        head.excessBlobGas().orElse(0L),
        head.hash());
  }

  /** A state view over a {@link PendingState}; proofs only for a sealed state. */
  private record PendingView(BlockContext block, PendingState state) implements StateView {
    @Override
    public boolean exists(Address address) {
      return state.account(address).isPresent();
    }

    @Override
    public long nonce(Address address) {
      return state.nonce(address);
    }

    @Override
    public Wei balance(Address address) {
      return state.balance(address);
    }

    @Override
    public org.apache.tuweni.bytes.Bytes code(Address address) {
      return state.code(address);
    }

    @Override
    public Hash codeHash(Address address) {
      return state
          .account(address)
          .map(Account::codeHash)
          .orElse(org.megaeth.core.crypto.Keccak.EMPTY);
    }

    @Override
    public UInt256 storage(Address address, UInt256 slot) {
      return state.storage(address, slot);
    }

    @Override
    public boolean hasStorage(Address address) {
      return state.hasStorage(address);
    }

    @Override
    public Optional<AccountProof> proof(Address address, List<UInt256> slots) {
      return state.isSealedState()
          ? Optional.of(state.base().proof(address, slots))
          : Optional.empty();
    }
  }
}
