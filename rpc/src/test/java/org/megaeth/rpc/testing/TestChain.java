package org.megaeth.rpc.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.BaseFee;
import org.megaeth.chain.exec.BlobSchedule;
import org.megaeth.chain.exec.BlockBuilder;
import org.megaeth.chain.exec.BlockExecutor;
import org.megaeth.chain.genesis.GenesisBlock;
import org.megaeth.config.Defaults;
import org.megaeth.config.dev.DevAccount;
import org.megaeth.config.dev.DevAccounts;
import org.megaeth.config.dev.DevPreset;
import org.megaeth.config.genesis.Genesis;
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
import org.megaeth.core.api.SubmitResult;
import org.megaeth.core.api.TransactionLocation;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.api.TransactionSink;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.PooledTransaction;
import org.megaeth.core.tx.SenderAccount;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.types.Wei;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.evm.frame.FrameRunner;
import org.megaeth.trie.state.WorldState;

/**
 * A real chain in one process for the rpc tests: the dev genesis (the standard mnemonic's funded
 * accounts), the trie-backed world state, and the chain module's {@link BlockBuilder}, which runs
 * submitted transactions in mini-blocks and seals EVM blocks with receipts, state diffs and
 * witnesses. It implements the node-core API interfaces as a sequencer would, simply: one lock
 * around everything.
 *
 * <p>Blocks are produced when a test says so ({@link #mineMiniBlock}, {@link #seal}), or, with
 * {@link #automine}, on a producer thread after every submission (a mini-block, then a seal), so
 * that waiting clients see results the way they would on the sequencer.
 *
 * <p>State at the newest mini-block is the live world state; the state of a sealed block is a
 * {@link StateMirror} rebuilt from the genesis and the blocks' state diffs, whose root the tests
 * check against the header.
 */
public final class TestChain implements ChainReader, StateReader, TransactionSink, ChainEvents {
  public static final long CHAIN_ID = 1337;
  public static final long GAS_LIMIT = 30_000_000;
  public static final Address COINBASE = Address.ofNumber(0xc0ffee);

  private final Genesis genesis;
  private final ChainConfig config;
  private final List<DevAccount> accounts;
  private final BlockBuilder builder;
  private final WorldState state;
  private final Map<Hash, Bytes> codes = new HashMap<>();

  private final List<Block> blocks = new ArrayList<>();
  private final List<Hash> hashes = new ArrayList<>();
  private final Map<Hash, Integer> numbers = new HashMap<>();
  private final List<List<Receipt>> receipts = new ArrayList<>();
  private final List<List<Address>> senders = new ArrayList<>();
  private final List<StateDiff> diffs = new ArrayList<>();
  private final List<Optional<ExecutionWitness>> witnesses = new ArrayList<>();
  private final Map<Hash, TransactionLocation> locations = new HashMap<>();

  private record Pending(Transaction tx, Address sender) {}

  private final LinkedHashMap<Hash, Pending> pool = new LinkedHashMap<>();
  private final Map<Hash, TransactionResult> results = new HashMap<>();
  private final Map<Hash, List<CompletableFuture<TransactionResult>>> waiters = new HashMap<>();
  private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();

  private BlockBuilder.OpenBlock open;

  /** The open block's mini-block diffs so far: the newest state is the head's plus these. */
  private final List<StateDiff> openDiffs = new ArrayList<>();

  private BlockBuilder.Attributes openAttributes;
  private final List<TransactionResult> openResults = new ArrayList<>();
  private long openCumulativeGas;
  private int openLogs;
  private long sequence;
  private long safe;
  private long finalized;
  private boolean keepWitnesses = true;
  private ExecutorService producer;

  private TestChain(Fork fork) {
    try {
      this.accounts = DevAccounts.derive(Defaults.DEV_MNEMONIC, "", 10);
    } catch (org.megaeth.config.ConfigException e) {
      throw new IllegalStateException(e);
    }
    this.genesis =
        new DevPreset(
                CHAIN_ID, fork, GAS_LIMIT, Wei.fromEth(10_000), Defaults.DEV_MNEMONIC, accounts)
            .genesis();
    this.config = genesis.config();
    GenesisBlock genesisBlock = GenesisBlock.of(genesis);
    this.state = genesisBlock.state();
    this.builder = new BlockBuilder(new BlockExecutor(config, null));
    Block block = genesisBlock.block();
    addSealed(block, List.of(), List.of(), StateDiff.EMPTY, Optional.empty());
  }

  /** A Prague dev chain: ten accounts of 10,000 ether each, chain id 1337. */
  public static TestChain create() {
    return new TestChain(Fork.PRAGUE);
  }

  /** From now on, every accepted transaction is mined and sealed on a producer thread. */
  public synchronized TestChain automine() {
    if (producer == null) {
      producer =
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().name("test-producer").daemon(true).factory());
    }
    return this;
  }

  public synchronized void shutdown() {
    if (producer != null) {
      producer.shutdownNow();
    }
  }

  public List<DevAccount> accounts() {
    return accounts;
  }

  public DevAccount account(int index) {
    return accounts.get(index);
  }

  public synchronized void setSafe(long number) {
    safe = number;
  }

  public synchronized void setFinalized(long number) {
    finalized = number;
  }

  public synchronized void keepWitnesses(boolean keep) {
    keepWitnesses = keep;
  }

  // ---------------------------------------------------------------- production

  /** Runs the pool's transactions as the next mini-block; the results of those included. */
  public synchronized List<TransactionResult> mineMiniBlock() {
    ensureOpen();
    List<Pending> candidates = List.copyOf(pool.values());
    pool.clear();
    Map<Hash, Address> sendersByHash = new HashMap<>();
    candidates.forEach(p -> sendersByHash.put(p.tx().hash(), p.sender()));
    BlockBuilder.MiniBlock mini =
        open.addTransactions(candidates.stream().map(Pending::tx).toList());
    openDiffs.add(mini.diff());
    Wei baseFee = Wei.of(BaseFee.next(head()));
    List<TransactionResult> included = new ArrayList<>();
    for (int i = 0; i < mini.transactions().size(); i++) {
      Transaction tx = mini.transactions().get(i);
      Receipt receipt = mini.receipts().get(i);
      Hash hash = tx.hash();
      Address sender = sendersByHash.get(hash);
      TransactionResult result =
          new TransactionResult(
              tx,
              hash,
              sender,
              receipt,
              receipt.cumulativeGasUsed() - openCumulativeGas,
              tx.effectiveGasPrice(baseFee),
              tx.isContractCreation()
                  ? Optional.of(FrameRunner.createAddress(sender, tx.nonce()))
                  : Optional.empty(),
              open.number(),
              openAttributes.timestamp(),
              openResults.size(),
              openLogs,
              OptionalInt.of(mini.index()),
              tx.blobGas(),
              tx instanceof BlobTransaction
                  ? Optional.of(Wei.of(BlobSchedule.of(fork()).blobBaseFee(nextExcessBlobGas())))
                  : Optional.empty(),
              Optional.empty());
      openCumulativeGas = receipt.cumulativeGasUsed();
      openLogs += receipt.logs().size();
      openResults.add(result);
      included.add(result);
      results.put(hash, result);
      List<CompletableFuture<TransactionResult>> waiting = waiters.remove(hash);
      if (waiting != null) {
        waiting.forEach(f -> f.complete(result));
      }
    }
    MiniBlock event =
        new MiniBlock(
            sequence++, open.number(), mini.index(), System.currentTimeMillis() * 1000, included);
    for (ChainListener listener : listeners) {
      listener.onMiniBlock(event);
    }
    return included;
  }

  /** Seals the open block (an empty one if none is open); its header. */
  public synchronized BlockHeader seal() {
    ensureOpen();
    BlockBuilder.Built built = open.seal();
    open = null;
    openDiffs.clear();
    Block block = built.block();
    List<Address> blockSenders = openResults.stream().map(TransactionResult::sender).toList();
    openResults.clear();
    addSealed(
        block,
        built.receipts(),
        blockSenders,
        built.diff(),
        keepWitnesses ? built.witness() : Optional.empty());
    Hash hash = hashes.getLast();
    for (Transaction tx : block.body().transactions()) {
      Hash txHash = tx.hash();
      results.computeIfPresent(txHash, (h, r) -> r.sealedIn(hash));
    }
    SealedBlock event =
        new SealedBlock(
            block,
            hash,
            built.receipts(),
            built.encodings().transactionHashes(),
            block.encodedSize(built.encodings().transactions()));
    for (ChainListener listener : listeners) {
      listener.onBlockSealed(event);
    }
    return block.header();
  }

  /** Mines the pool as one mini-block and seals the block. */
  public synchronized BlockHeader mineAndSeal() {
    mineMiniBlock();
    return seal();
  }

  private void ensureOpen() {
    if (open != null) {
      return;
    }
    BlockHeader parent = head();
    openAttributes =
        new BlockBuilder.Attributes(
            COINBASE,
            parent.timestamp() + 12,
            Hash.ZERO,
            Hash.ZERO,
            List.of(),
            parent.gasLimit(),
            Bytes.EMPTY);
    open =
        builder.open(
            state,
            parent,
            openAttributes,
            h -> Optional.ofNullable(numbers.get(h)).map(n -> blocks.get(n).header()),
            true);
    openCumulativeGas = 0;
    openLogs = 0;
  }

  private void addSealed(
      Block block,
      List<Receipt> blockReceipts,
      List<Address> blockSenders,
      StateDiff diff,
      Optional<ExecutionWitness> witness) {
    Hash hash = block.hash();
    int number = blocks.size();
    blocks.add(block);
    hashes.add(hash);
    numbers.put(hash, number);
    receipts.add(List.copyOf(blockReceipts));
    senders.add(List.copyOf(blockSenders));
    diffs.add(diff);
    witnesses.add(witness);
    List<Transaction> txs = block.body().transactions();
    for (int i = 0; i < txs.size(); i++) {
      locations.put(txs.get(i).hash(), new TransactionLocation(hash, number, i));
    }
  }

  private Fork fork() {
    BlockHeader parent = head();
    return config.forkAt(parent.number() + 1, parent.timestamp() + 12);
  }

  private long nextExcessBlobGas() {
    BlockHeader parent = head();
    return BlobSchedule.of(fork())
        .excessBlobGas(parent.excessBlobGas().orElse(0L), parent.blobGasUsed().orElse(0L));
  }

  // ---------------------------------------------------------------- TransactionSink

  @Override
  public synchronized CompletableFuture<SubmitResult> submit(PooledTransaction pooled) {
    Transaction tx = pooled.transaction();
    Hash hash = tx.hash();
    if (pool.containsKey(hash) || results.containsKey(hash) || locations.containsKey(hash)) {
      return CompletableFuture.completedFuture(SubmitResult.rejected("already known"));
    }
    TransactionValidity validity = TransactionValidator.validate(tx, fork(), CHAIN_ID);
    if (validity instanceof TransactionValidity.Invalid invalid) {
      return CompletableFuture.completedFuture(SubmitResult.rejected(invalid.message()));
    }
    Address sender = ((TransactionValidity.Valid) validity).sender();
    long pendingFromSender = pool.values().stream().filter(p -> p.sender().equals(sender)).count();
    Optional<StateMirror.Entry> account = newestMirror().get(sender);
    SenderAccount senderAccount =
        new SenderAccount(
            account.map(e -> e.nonce).orElse(0L) + pendingFromSender,
            account.map(e -> e.balance).orElse(Wei.ZERO),
            account.map(e -> e.code).orElse(Bytes.EMPTY));
    Optional<TransactionValidity.Invalid> refused =
        TransactionValidator.checkAccount(tx, fork(), sender, senderAccount);
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture(SubmitResult.rejected(refused.get().message()));
    }
    Wei baseFee = Wei.of(BaseFee.next(head()));
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      return CompletableFuture.completedFuture(
          SubmitResult.rejected(
              "max fee per gas less than block base fee: maxFeePerGas: %s, baseFee: %s"
                  .formatted(tx.maxFeePerGas().value(), baseFee.value())));
    }
    pool.put(hash, new Pending(tx, sender));
    for (ChainListener listener : listeners) {
      listener.onPendingTransaction(hash);
    }
    if (producer != null) {
      producer.execute(this::mineAndSeal);
    }
    return CompletableFuture.completedFuture(SubmitResult.accepted(hash));
  }

  @Override
  public synchronized CompletableFuture<TransactionResult> awaitResult(Hash transactionHash) {
    TransactionResult known = results.get(transactionHash);
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    CompletableFuture<TransactionResult> future = new CompletableFuture<>();
    waiters.computeIfAbsent(transactionHash, h -> new ArrayList<>()).add(future);
    return future;
  }

  /** Callers still waiting for the transaction's result: not answered, not given up (cancelled). */
  public synchronized long waiting(Hash transactionHash) {
    return waiters.getOrDefault(transactionHash, List.of()).stream()
        .filter(f -> !f.isDone())
        .count();
  }

  @Override
  public synchronized OptionalLong pendingNonce(Address sender) {
    long pooled = pool.values().stream().filter(p -> p.sender().equals(sender)).count();
    if (pooled == 0) {
      return OptionalLong.empty();
    }
    // This pool admits each sender's nonces in order only, so they have no gap.
    return OptionalLong.of(newestMirror().get(sender).map(e -> e.nonce).orElse(0L) + pooled);
  }

  /** Transactions waiting in the pool. */
  public synchronized int poolSize() {
    return pool.size();
  }

  // ---------------------------------------------------------------- ChainEvents

  @Override
  public Subscription subscribe(ChainListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  // ---------------------------------------------------------------- ChainReader

  @Override
  public ChainConfig chainConfig() {
    return config;
  }

  @Override
  public synchronized BlockHeader head() {
    return blocks.getLast().header();
  }

  @Override
  public synchronized long safeNumber() {
    return safe;
  }

  @Override
  public synchronized long finalizedNumber() {
    return finalized;
  }

  @Override
  public synchronized Optional<BlockHeader> header(long number) {
    return block(number).map(Block::header);
  }

  @Override
  public synchronized Optional<BlockHeader> header(Hash blockHash) {
    return block(blockHash).map(Block::header);
  }

  @Override
  public synchronized Optional<Block> block(long number) {
    return number >= 0 && number < blocks.size()
        ? Optional.of(blocks.get((int) number))
        : Optional.empty();
  }

  @Override
  public synchronized Optional<Block> block(Hash blockHash) {
    Integer number = numbers.get(blockHash);
    return number == null ? Optional.empty() : Optional.of(blocks.get(number));
  }

  @Override
  public synchronized Optional<List<Receipt>> receipts(Hash blockHash) {
    Integer number = numbers.get(blockHash);
    return number == null ? Optional.empty() : Optional.of(receipts.get(number));
  }

  @Override
  public synchronized Optional<TransactionLocation> transactionLocation(Hash transactionHash) {
    return Optional.ofNullable(locations.get(transactionHash));
  }

  @Override
  public synchronized Optional<Address> sender(Hash blockHash, int index) {
    Integer number = numbers.get(blockHash);
    if (number == null || index >= senders.get(number).size()) {
      return Optional.empty();
    }
    return Optional.of(senders.get(number).get(index));
  }

  @Override
  public synchronized Optional<ExecutionWitness> witness(Hash blockHash) {
    Integer number = numbers.get(blockHash);
    return number == null ? Optional.empty() : witnesses.get(number);
  }

  // ---------------------------------------------------------------- StateReader

  @Override
  public synchronized Optional<StateView> state(BlockRef ref) {
    return switch (ref) {
      case BlockRef.Newest n -> Optional.of(new MirrorView(newestMirror(), newestContext(), false));
      case BlockRef.Number n -> sealedState(n.number());
      case BlockRef.ByHash h -> {
        Integer number = numbers.get(h.hash());
        yield number == null ? Optional.empty() : sealedState(number);
      }
    };
  }

  /** The mirror of sealed block {@code number}'s post-state. */
  public synchronized StateMirror mirror(long number) {
    StateMirror mirror = StateMirror.of(genesis.alloc(), codes);
    for (int i = 1; i <= number; i++) {
      mirror.apply(diffs.get(i));
    }
    return mirror;
  }

  private Optional<StateView> sealedState(long number) {
    if (number < 0 || number >= blocks.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new MirrorView(mirror(number), BlockContext.of(blocks.get((int) number).header()), true));
  }

  private BlockContext newestContext() {
    BlockHeader parent = head();
    long timestamp = open != null ? openAttributes.timestamp() : parent.timestamp() + 12;
    return new BlockContext(
        parent.number() + 1,
        timestamp,
        Wei.of(BaseFee.next(parent)),
        parent.gasLimit(),
        COINBASE,
        Hash.ZERO,
        nextExcessBlobGas(),
        hashes.getLast());
  }

  /**
   * The newest mini-block's state, as the real node builds it: the head's state with the open
   * block's mini-block diffs applied.
   */
  private StateMirror newestMirror() {
    StateMirror mirror = mirror(head().number());
    openDiffs.forEach(mirror::apply);
    return mirror;
  }

  /**
   * A state from a mirror of its own (a sealed block's post-state, or the newest mini-block's,
   * which has no root to prove against). Immutable.
   */
  private static final class MirrorView implements StateView {
    private final StateMirror mirror;
    private final BlockContext context;
    private final boolean proofs;

    MirrorView(StateMirror mirror, BlockContext context, boolean proofs) {
      this.mirror = mirror;
      this.context = context;
      this.proofs = proofs;
    }

    @Override
    public BlockContext block() {
      return context;
    }

    @Override
    public boolean exists(Address address) {
      return mirror.get(address).isPresent();
    }

    @Override
    public long nonce(Address address) {
      return mirror.get(address).map(e -> e.nonce).orElse(0L);
    }

    @Override
    public Wei balance(Address address) {
      return mirror.get(address).map(e -> e.balance).orElse(Wei.ZERO);
    }

    @Override
    public Bytes code(Address address) {
      return mirror.get(address).map(e -> e.code).orElse(Bytes.EMPTY);
    }

    @Override
    public Hash codeHash(Address address) {
      return mirror.get(address).map(e -> e.codeHash).orElse(Keccak.EMPTY);
    }

    @Override
    public UInt256 storage(Address address, UInt256 slot) {
      return mirror
          .get(address)
          .map(e -> e.storage.getOrDefault(slot, UInt256.ZERO))
          .orElse(UInt256.ZERO);
    }

    @Override
    public boolean hasStorage(Address address) {
      return mirror.get(address).map(e -> !e.storage.isEmpty()).orElse(false);
    }

    @Override
    public Optional<AccountProof> proof(Address address, List<UInt256> slots) {
      return proofs ? Optional.of(mirror.proof(address, slots)) : Optional.empty();
    }
  }
}
