package org.megaeth.chain.exec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.AncestorHashes.MissingAncestorException;
import org.megaeth.chain.exec.SystemCalls.SystemCallException;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.evm.BlockEnv;
import org.megaeth.evm.EvmSpec;
import org.megaeth.evm.code.CodeCache;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;
import org.megaeth.trie.patricia.MissingTrieNodeException;
import org.megaeth.trie.state.MissingCodeException;
import org.megaeth.trie.state.StateWitness;
import org.megaeth.trie.state.WorldState;

/**
 * Validates and executes one block on the world state of its parent: the one block executor that
 * the sequencer (building), the prover (through {@link StatelessVerifier}) and the full node's
 * import share. A valid block's changes are committed and come back with its receipts, state diff
 * and, on request, witness; an invalid block is rejected with the rule it broke and leaves the
 * state as it was.
 *
 * <p>Order of checks, so that the cheapest failure is found first: fork, header against parent,
 * body against header, transaction signatures, then execution and the roots. Thread-safe when each
 * call has its own world state.
 */
public final class BlockExecutor {
  private static final UInt256 WEI_PER_GWEI = UInt256.valueOf(1_000_000_000L);

  private final ChainConfig chain;
  private final Executor hashing;
  private final CodeCache codeCache = new CodeCache(4096);
  private final Map<Fork, TransactionProcessor> processors = new EnumMap<>(Fork.class);

  /**
   * @param hashing where senders are recovered in parallel before execution and storage tries are
   *     re-hashed in parallel at the block's end; null to do both on the calling thread on the
   *     calling thread
   */
  public BlockExecutor(ChainConfig chain, Executor hashing) {
    this.chain = chain;
    this.hashing = hashing;
    for (Fork fork : Fork.values()) {
      if (fork.isAtLeast(EvmSpec.OLDEST_SUPPORTED) && EvmSpec.NEWEST_SUPPORTED.isAtLeast(fork)) {
        processors.put(fork, new TransactionProcessor(EvmSpec.of(fork), codeCache));
      }
    }
  }

  public ChainConfig chain() {
    return chain;
  }

  /** The transaction processor for {@code fork}; empty for a fork this EVM does not implement. */
  Optional<TransactionProcessor> processor(Fork fork) {
    return Optional.ofNullable(processors.get(fork));
  }

  CodeCache codeCache() {
    return codeCache;
  }

  Executor hashing() {
    return hashing;
  }

  /**
   * Executes {@code block} on {@code state}, which must be the post-state of {@code parent}.
   *
   * @param ancestors headers by hash, for BLOCKHASH beyond the parent
   * @param recordWitness whether to record the block's execution witness
   */
  public BlockResult execute(
      WorldState state,
      BlockHeader parent,
      Block block,
      HeaderLookup ancestors,
      boolean recordWitness) {
    if (!state.rootHash().equals(parent.stateRoot())) {
      throw new IllegalArgumentException(
          "the state's root %s is not the parent's state root %s"
              .formatted(state.rootHash(), parent.stateRoot()));
    }
    BlockHeader header = block.header();
    Fork fork = chain.forkAt(header.number(), header.timestamp());
    TransactionProcessor processor = processors.get(fork);
    if (processor == null) {
      return BlockResult.Invalid.of(
          BlockRule.UNSUPPORTED_FORK,
          "block %d is %s; this node executes %s to %s"
              .formatted(
                  header.number(),
                  fork.testName(),
                  EvmSpec.OLDEST_SUPPORTED.testName(),
                  EvmSpec.NEWEST_SUPPORTED.testName()));
    }
    Optional<BlockInvalid> invalid = HeaderValidator.validate(header, parent, fork);
    if (invalid.isEmpty()) {
      invalid = checkBody(block);
    }
    List<TransactionValidity.Valid> senders = new ArrayList<>();
    if (invalid.isEmpty()) {
      invalid = recoverSenders(block.body().transactions(), fork, senders);
    }
    if (invalid.isPresent()) {
      return new BlockResult.Invalid(invalid.get());
    }
    AncestorHashes hashes = new AncestorHashes(parent, ancestors);
    if (recordWitness) {
      state.startRecording();
    }
    int checkpoint = state.checkpoint();
    boolean committed = false;
    try {
      BlockState blockState = new BlockState(state, recordWitness);
      Execution execution =
          new Execution(processor, header, hashes, blockState, chain.chainId(), codeCache);
      BlockInvalid failure = execution.run(block, senders);
      if (failure != null) {
        return new BlockResult.Invalid(failure);
      }
      Hash root = state.computeRoot(hashing);
      committed = true;
      if (!root.equals(header.stateRoot())) {
        if (recordWitness) {
          state.stopRecording(); // before the undo swaps the recording tries out
        }
        state.undoLastCommit();
        committed = false;
        return BlockResult.Invalid.of(
            BlockRule.STATE_ROOT, "header %s, computed %s".formatted(header.stateRoot(), root));
      }
      Optional<ExecutionWitness> witness = Optional.empty();
      if (recordWitness) {
        // Before the diff, whose reads of new code are post-state and not for the witness.
        StateWitness stateWitness = state.stopRecording();
        witness =
            Optional.of(witness(stateWitness, blockState.accessedKeys(), hashes.headersRead()));
      }
      StateDiff diff = blockState.diff();
      return new BlockResult.Valid(block, execution.receipts, diff, witness);
    } catch (MissingTrieNodeException | MissingCodeException | MissingAncestorException missing) {
      // Only a stateless state lacks data; it is dropped after a failure like this.
      return BlockResult.Invalid.of(BlockRule.WITNESS, missing.getMessage());
    } finally {
      if (!committed) {
        state.revertTo(checkpoint);
      }
      if (state.isRecordingWitness()) {
        state.stopRecording();
      }
    }
  }

  private static Optional<BlockInvalid> checkBody(Block block) {
    BlockHeader header = block.header();
    if (!block.body().ommers().isEmpty()) {
      return Optional.of(
          new BlockInvalid(BlockRule.OMMERS, block.body().ommers().size() + " ommer headers"));
    }
    Hash txRoot = TrieRoots.transactionsRoot(block.body().transactions());
    if (!txRoot.equals(header.transactionsRoot())) {
      return Optional.of(
          new BlockInvalid(
              BlockRule.TRANSACTIONS_ROOT,
              "header %s, computed %s".formatted(header.transactionsRoot(), txRoot)));
    }
    if (block.body().withdrawals().isEmpty()) {
      return Optional.of(new BlockInvalid(BlockRule.WITHDRAWALS_ROOT, "the body has no list"));
    }
    Hash withdrawalsRoot = TrieRoots.withdrawalsRoot(block.body().withdrawals().get());
    if (!withdrawalsRoot.equals(header.withdrawalsRoot().get())) {
      return Optional.of(
          new BlockInvalid(
              BlockRule.WITHDRAWALS_ROOT,
              "header %s, computed %s".formatted(header.withdrawalsRoot().get(), withdrawalsRoot)));
    }
    return Optional.empty();
  }

  /** Below this many transactions, recovering senders on other threads costs more than it saves. */
  private static final int PARALLEL_RECOVERY_MIN = 16;

  /**
   * Recovers every sender (the transaction's stateless checks included) into {@code out}, in order;
   * the first invalid transaction makes the block invalid. ECDSA recovery is the costliest
   * stateless step (~40 µs each), so with an executor the list is split over its threads.
   */
  private Optional<BlockInvalid> recoverSenders(
      List<Transaction> txs, Fork fork, List<TransactionValidity.Valid> out) {
    TransactionValidity[] results = new TransactionValidity[txs.size()];
    if (hashing == null || txs.size() < PARALLEL_RECOVERY_MIN) {
      for (int i = 0; i < txs.size(); i++) {
        results[i] = TransactionValidator.validate(txs.get(i), fork, chain.chainId());
      }
    } else {
      int chunks = Math.min(txs.size() / PARALLEL_RECOVERY_MIN, 64);
      CompletableFuture<?>[] futures = new CompletableFuture<?>[chunks];
      for (int c = 0; c < chunks; c++) {
        int from = (int) ((long) c * txs.size() / chunks);
        int to = (int) ((long) (c + 1) * txs.size() / chunks);
        futures[c] =
            CompletableFuture.runAsync(
                () -> {
                  for (int i = from; i < to; i++) {
                    results[i] = TransactionValidator.validate(txs.get(i), fork, chain.chainId());
                  }
                },
                hashing);
      }
      CompletableFuture.allOf(futures).join();
    }
    for (int i = 0; i < results.length; i++) {
      switch (results[i]) {
        case TransactionValidity.Valid valid -> out.add(valid);
        case TransactionValidity.Invalid bad -> {
          return Optional.of(
              new BlockInvalid(
                  BlockRule.INVALID_TRANSACTION,
                  "transaction %d (%s): %s".formatted(i, txs.get(i).hash(), bad.message())));
        }
      }
    }
    return Optional.empty();
  }

  static ExecutionWitness witness(StateWitness state, List<Bytes> keys, List<BlockHeader> headers) {
    List<Bytes> nodes = sortedByHash(state.nodes());
    List<Bytes> codes = sortedByHash(state.codes());
    return new ExecutionWitness(nodes, codes, keys, headers);
  }

  private static List<Bytes> sortedByHash(Map<Hash, Bytes> byHash) {
    return byHash.entrySet().stream()
        // Unsigned byte order: the order of the lowercase hex strings, without building them.
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .toList();
  }

  /** One block's execution: system calls, transactions, withdrawals, requests, and the checks. */
  static final class Execution {
    final TransactionProcessor processor;
    final EvmSpec spec;
    final BlockHeader header;
    final BlockEnv env;
    final BlockState state;
    final CodeCache codes;
    final BlobSchedule blobs;
    final List<Receipt> receipts = new ArrayList<>();
    final LogsBloom.Builder bloom = new LogsBloom.Builder();
    long gasUsed;
    long blobGasUsed;

    Execution(
        TransactionProcessor processor,
        BlockHeader header,
        AncestorHashes hashes,
        BlockState state,
        long chainId,
        CodeCache codes) {
      this.processor = processor;
      this.spec = processor.spec();
      this.header = header;
      this.state = state;
      this.codes = codes;
      this.blobs = BlobSchedule.of(spec.fork());
      this.env =
          new BlockEnv(
              header.coinbase(),
              header.number(),
              header.timestamp(),
              header.gasLimit(),
              header.mixHash(),
              header.baseFeePerGas().orElse(UInt256.ZERO),
              blobs.blobBaseFee(header.excessBlobGas().orElse(0L)),
              chainId,
              hashes);
    }

    /** Runs the block; null when it is valid so far (the state root is checked after). */
    BlockInvalid run(Block block, List<TransactionValidity.Valid> senders) {
      startOfBlock();
      List<Transaction> txs = block.body().transactions();
      for (int i = 0; i < txs.size(); i++) {
        BlockInvalid failure = apply(txs.get(i), senders.get(i));
        if (failure != null) {
          return new BlockInvalid(
              failure.rule(),
              "transaction %d (%s): %s".formatted(i, txs.get(i).hash(), failure.detail()));
        }
      }
      applyWithdrawals(block.body().withdrawals().orElse(List.of()));
      Optional<Hash> requestsHash;
      try {
        requestsHash = endOfBlock();
      } catch (SystemCallException e) {
        return new BlockInvalid(BlockRule.SYSTEM_CALL, e.getMessage());
      }
      return checkResults(requestsHash);
    }

    void startOfBlock() {
      header
          .parentBeaconBlockRoot()
          .ifPresent(root -> SystemCalls.beaconRoot(spec, env, state, codes, root));
      if (spec.isAtLeast(Fork.PRAGUE)) {
        SystemCalls.parentHash(spec, env, state, codes, header.parentHash());
      }
    }

    /**
     * Applies one transaction; null on success, else why it cannot be in this block (the rule, and
     * the transaction's own reason as detail). A builder calls it for candidates and skips those it
     * refuses: the state is unchanged then.
     */
    BlockInvalid apply(Transaction tx, TransactionValidity.Valid sender) {
      BlockInvalid full = checkLimits(tx);
      if (full != null) {
        return full;
      }
      state.markTransactionReads();
      return record(tx, processor.process(state, env, tx, sender, null));
    }

    /**
     * Whether the block still has room for the transaction's gas limit and blob gas: null if so.
     * Reads no state, so a transaction executed ahead of its turn is checked at its turn.
     */
    BlockInvalid checkLimits(Transaction tx) {
      long gasLeft = header.gasLimit() - gasUsed;
      if (Long.compareUnsigned(tx.gasLimit(), gasLeft) > 0) {
        return new BlockInvalid(
            BlockRule.GAS_ALLOWANCE_EXCEEDED,
            "gas limit %s, the block has %d left"
                .formatted(Long.toUnsignedString(tx.gasLimit()), gasLeft));
      }
      long blobGas = tx.blobGas();
      if (blobGas > blobs.maxBlobGas() - blobGasUsed) {
        return new BlockInvalid(
            BlockRule.BLOB_GAS_LIMIT,
            "needs %d blob gas, the block has %d left"
                .formatted(blobGas, blobs.maxBlobGas() - blobGasUsed));
      }
      return null;
    }

    /**
     * Accounts for a processed transaction that passed {@link #checkLimits} (its state changes are
     * in the state): its receipt and the block's gas; null when included, else why it is not.
     */
    BlockInvalid record(Transaction tx, TransactionResult result) {
      return record(tx, result, null);
    }

    /**
     * {@link #record(Transaction, TransactionResult)}, with the bloom of the logs if already
     * computed (on the thread that executed the transaction ahead of its turn).
     */
    BlockInvalid record(Transaction tx, TransactionResult result, LogsBloom logsBloom) {
      // An invalid transaction is not in the block: what it read stays out of the witness.
      state.endTransactionReads(result instanceof TransactionResult.Executed);
      return switch (result) {
        case TransactionResult.Invalid bad ->
            new BlockInvalid(BlockRule.INVALID_TRANSACTION, bad.reason().message());
        case TransactionResult.Executed executed -> {
          Receipt receipt =
              logsBloom == null
                  ? executed.receipt(gasUsed)
                  : new Receipt(
                      executed.type(),
                      Optional.empty(),
                      executed.success(),
                      gasUsed + executed.gasUsed(),
                      logsBloom,
                      executed.logs());
          gasUsed = receipt.cumulativeGasUsed();
          blobGasUsed += tx.blobGas();
          receipts.add(receipt);
          bloom.add(receipt.logsBloom());
          yield null;
        }
      };
    }

    void applyWithdrawals(List<Withdrawal> withdrawals) {
      for (Withdrawal w : withdrawals) {
        UInt256 amount = UInt256.valueOf(w.amountGwei()).multiply(WEI_PER_GWEI);
        state.addBalance(w.address(), amount);
      }
      state.finishSystemChanges();
    }

    /** Prague's EIP-7685 requests; empty before Prague. */
    Optional<Hash> endOfBlock() throws SystemCallException {
      if (!spec.isAtLeast(Fork.PRAGUE)) {
        return Optional.empty();
      }
      // EIP-6110 deposits come from the L1 deposit contract's logs; this L2 has none.
      List<byte[]> requests = new ArrayList<>();
      requests.add(
          typed(
              SystemCalls.WITHDRAWAL_REQUEST_TYPE,
              SystemCalls.dequeueRequests(
                  spec, env, state, codes, SystemCalls.WITHDRAWAL_REQUEST_ADDRESS)));
      requests.add(
          typed(
              SystemCalls.CONSOLIDATION_REQUEST_TYPE,
              SystemCalls.dequeueRequests(
                  spec, env, state, codes, SystemCalls.CONSOLIDATION_REQUEST_ADDRESS)));
      return Optional.of(SystemCalls.requestsHash(requests));
    }

    private static byte[] typed(int type, byte[] data) {
      byte[] out = new byte[data.length + 1];
      out[0] = (byte) type;
      System.arraycopy(data, 0, out, 1, data.length);
      return out;
    }

    private BlockInvalid checkResults(Optional<Hash> requestsHash) {
      if (gasUsed != header.gasUsed()) {
        return new BlockInvalid(
            BlockRule.GAS_USED, "header %d, transactions %d".formatted(header.gasUsed(), gasUsed));
      }
      long headerBlobGas = header.blobGasUsed().orElse(0L);
      if (blobGasUsed != headerBlobGas) {
        return new BlockInvalid(
            BlockRule.BLOB_GAS_USED,
            "header %d, transactions %d".formatted(headerBlobGas, blobGasUsed));
      }
      LogsBloom logsBloom = bloom.build();
      if (!logsBloom.equals(header.logsBloom())) {
        return new BlockInvalid(BlockRule.LOGS_BLOOM, "");
      }
      Hash receiptsRoot = TrieRoots.receiptsRoot(receipts);
      if (!receiptsRoot.equals(header.receiptsRoot())) {
        return new BlockInvalid(
            BlockRule.RECEIPTS_ROOT,
            "header %s, computed %s".formatted(header.receiptsRoot(), receiptsRoot));
      }
      if (requestsHash.isPresent() && !requestsHash.equals(header.requestsHash())) {
        return new BlockInvalid(
            BlockRule.REQUESTS_HASH,
            "header %s, computed %s"
                .formatted(
                    header.requestsHash().map(Hash::toString).orElse("none"), requestsHash.get()));
      }
      return null;
    }
  }
}
