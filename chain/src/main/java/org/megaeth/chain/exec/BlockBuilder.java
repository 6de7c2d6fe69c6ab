package org.megaeth.chain.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.SystemCalls.SystemCallException;
import org.megaeth.chain.parallel.Committer;
import org.megaeth.chain.parallel.ConcurrentOverlay;
import org.megaeth.chain.parallel.ParallelExecutor;
import org.megaeth.chain.parallel.ParallelMetrics;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.LogsBloom;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.IntrinsicGas;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.evm.tx.TransactionProcessor;
import org.megaeth.evm.tx.TransactionResult;
import org.megaeth.trie.patricia.OrderedRootAccumulator;
import org.megaeth.trie.state.StateWitness;
import org.megaeth.trie.state.WorldState;

/**
 * Builds a valid block for the sequencer: on the parent's state, with the attributes the producer
 * chooses, it runs the candidate transactions in the given order with the same code the {@link
 * BlockExecutor} validates with, includes every one that is valid at its turn and skips the others
 * with the reason, then fills in the header (roots, gas, bloom, blob gas, requests hash). The
 * block's changes are committed to the state.
 */
public final class BlockBuilder {
  private final BlockExecutor executor;

  public BlockBuilder(BlockExecutor executor) {
    this.executor = executor;
  }

  /**
   * What the producer decides.
   *
   * @param gasLimit the desired gas limit; the block moves toward it within the EIP-1559 bound
   * @param parentBeaconBlockRoot EIP-4788 (an L2 without a beacon chain passes zero)
   */
  public record Attributes(
      Address coinbase,
      long timestamp,
      Hash prevRandao,
      Hash parentBeaconBlockRoot,
      List<Withdrawal> withdrawals,
      long gasLimit,
      Bytes extraData) {
    public Attributes {
      Objects.requireNonNull(coinbase, "coinbase");
      Objects.requireNonNull(prevRandao, "prevRandao");
      Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot");
      withdrawals = List.copyOf(withdrawals);
      Objects.requireNonNull(extraData, "extraData");
      if (extraData.size() > HeaderValidator.MAX_EXTRA_DATA) {
        throw new IllegalArgumentException(
            "extra data is %d bytes; at most %d"
                .formatted(extraData.size(), HeaderValidator.MAX_EXTRA_DATA));
      }
    }
  }

  /** A candidate left out, and why (in geth's words where a transaction rule was broken). */
  public record Skipped(Transaction transaction, String reason) {}

  /**
   * The block, its receipts and artifacts, and the candidates left out.
   *
   * @param witnessing the witness, when one was recorded, as the hashing pool encodes it after the
   *     seal
   */
  public record Built(
      Block block,
      List<Receipt> receipts,
      StateDiff diff,
      CompletableFuture<Optional<ExecutionWitness>> witnessing,
      List<Skipped> skipped,
      BlockEncodings encodings) {

    /** The witness, when one was recorded; waits for its encoding. */
    public Optional<ExecutionWitness> witness() {
      return witnessing.join();
    }
  }

  /**
   * One mini-block of an {@link OpenBlock}: what it included, its receipts, its state diff, and how
   * its execution went.
   */
  public record MiniBlock(
      int index,
      List<Candidate> included,
      List<Receipt> receipts,
      List<Bytes> encodedReceipts,
      StateDiff diff,
      List<Skipped> skipped,
      ParallelMetrics metrics) {
    /** The included transactions, in order. */
    public List<Transaction> transactions() {
      return included.stream().map(Candidate::tx).toList();
    }
  }

  /**
   * A transaction offered for a block, with what {@link TransactionValidator#validate} said of it
   * (the sequencer recovers senders at ingress, not while building), its canonical encoding and its
   * hash. Those two are computed once per transaction, by whoever has them first: re-encoding a
   * transaction for each use (hash, log record, transactions root) cost the sequencer more than
   * executing it.
   */
  public record Candidate(Transaction tx, TransactionValidity validity, Bytes encoded, Hash hash) {
    public Candidate {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(validity, "validity");
      Objects.requireNonNull(encoded, "encoded");
      Objects.requireNonNull(hash, "hash");
    }

    /** Encodes and hashes {@code tx}. */
    public Candidate(Transaction tx, TransactionValidity validity) {
      this(tx, validity, tx.encoded());
    }

    private Candidate(Transaction tx, TransactionValidity validity, Bytes encoded) {
      this(tx, validity, encoded, Keccak.hash(encoded));
    }

    /** The sender, recovered from the signature; only for a valid candidate. */
    public Address sender() {
      return ((TransactionValidity.Valid) validity).sender();
    }
  }

  /**
   * Builds a whole block in one go: {@link #open}, one {@link OpenBlock#addTransactions}, {@link
   * OpenBlock#seal}.
   *
   * @throws IllegalArgumentException if the attributes cannot make a child of {@code parent} (a
   *     timestamp not after the parent's, a fork this node does not implement)
   */
  public Built build(
      WorldState state,
      BlockHeader parent,
      Attributes attributes,
      Iterable<Transaction> candidates,
      HeaderLookup ancestors,
      boolean recordWitness) {
    OpenBlock block = open(state, parent, attributes, ancestors, recordWitness);
    List<Skipped> skipped = block.addTransactions(candidates).skipped();
    Built built = block.seal();
    return new Built(
        built.block(),
        built.receipts(),
        built.diff(),
        built.witnessing(),
        skipped,
        built.encodings());
  }

  /**
   * Starts a block on {@code parent}'s state: runs the start-of-block system calls. Transactions
   * then go in by mini-blocks ({@link OpenBlock#addTransactions}) until {@link OpenBlock#seal}. The
   * state must not be used for anything else until the block is sealed.
   */
  public OpenBlock open(
      WorldState state,
      BlockHeader parent,
      Attributes attributes,
      HeaderLookup ancestors,
      boolean recordWitness) {
    return open(state, parent, attributes, ancestors, recordWitness, null);
  }

  /**
   * Like {@link #open(WorldState, BlockHeader, Attributes, HeaderLookup, boolean)}, with the
   * mini-blocks executed by {@code parallel}: on its threads when it has more than one, with the
   * same outcome (see {@link ParallelExecutor}). The state must then be a full in-memory state with
   * no pending changes, and {@code ancestors} safe to call from several threads.
   *
   * @param parallel null, or a serial executor, for execution on the calling thread alone
   */
  public OpenBlock open(
      WorldState state,
      BlockHeader parent,
      Attributes attributes,
      HeaderLookup ancestors,
      boolean recordWitness,
      ParallelExecutor parallel) {
    if (!state.rootHash().equals(parent.stateRoot())) {
      throw new IllegalArgumentException("the state is not the parent's post-state");
    }
    if (Long.compareUnsigned(attributes.timestamp(), parent.timestamp()) <= 0) {
      throw new IllegalArgumentException(
          "timestamp %d is not after the parent's %d"
              .formatted(attributes.timestamp(), parent.timestamp()));
    }
    long number = parent.number() + 1;
    Fork fork = executor.chain().forkAt(number, attributes.timestamp());
    TransactionProcessor processor =
        executor
            .processor(fork)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "block %d would be %s, which this node does not implement"
                            .formatted(number, fork.testName())));
    return new OpenBlock(
        state,
        parent,
        attributes,
        fork,
        processor,
        ancestors,
        recordWitness,
        parallel == null || parallel.isSerial() ? null : parallel);
  }

  /** A block being built: mini-blocks of transactions go in until it is sealed. */
  public final class OpenBlock {
    private final WorldState state;
    private final BlockHeader parent;
    private final Attributes attributes;
    private final Fork fork;
    private final long excessBlobGas;
    private final AncestorHashes hashes;
    private final boolean recordWitness;
    private final BlockState blockState;
    private final BlockExecutor.Execution execution;

    /** The pending changes of a block executed in parallel; null on the serial path. */
    private final ConcurrentOverlay overlay;

    private final ParallelExecutor.Block parallelBlock;
    private final List<Candidate> included = new ArrayList<>();

    /**
     * The included transactions' and their receipts' consensus encodings, each made once, for the
     * mini-blocks, the store and the two list roots: hashed by complete runs of 16 items as
     * mini-blocks add them, so that at the seal only a few hundred items are left to hash, which
     * shortens the pause in production.
     */
    private final OrderedRootAccumulator transactionsRoot;

    private final OrderedRootAccumulator receiptsRoot;

    private int miniBlocks;
    private boolean sealed;

    private OpenBlock(
        WorldState state,
        BlockHeader parent,
        Attributes attributes,
        Fork fork,
        TransactionProcessor processor,
        HeaderLookup ancestors,
        boolean recordWitness,
        ParallelExecutor parallel) {
      this.state = state;
      this.parent = parent;
      this.attributes = attributes;
      this.fork = fork;
      this.recordWitness = recordWitness;
      BlobSchedule blobs = BlobSchedule.of(fork);
      this.excessBlobGas =
          blobs.excessBlobGas(parent.excessBlobGas().orElse(0L), parent.blobGasUsed().orElse(0L));
      BlockHeader draft =
          header(
              parent,
              attributes,
              fork,
              excessBlobGas,
              Hash.ZERO,
              Hash.ZERO,
              Hash.ZERO,
              Hash.ZERO,
              0,
              0,
              LogsBloom.EMPTY,
              Optional.empty());
      this.hashes = new AncestorHashes(parent, ancestors);
      this.transactionsRoot = new OrderedRootAccumulator(executor.hashing());
      this.receiptsRoot = new OrderedRootAccumulator(executor.hashing());
      if (parallel == null && !recordWitness) {
        this.overlay = null;
        this.blockState = new BlockState(state, false);
      } else {
        // The trie state records nothing until the seal: see ConcurrentOverlay. Serial execution
        // that records a witness goes through the overlay too: the trie then records each key
        // once, at the seal, instead of walking (and hashing the key for) every read.
        this.overlay = new ConcurrentOverlay(state, recordWitness);
        this.blockState = new BlockState(overlay, recordWitness);
      }
      this.execution =
          new BlockExecutor.Execution(
              processor,
              draft,
              hashes,
              blockState,
              executor.chain().chainId(),
              executor.codeCache());
      if (parallel == null) {
        this.parallelBlock = null;
      } else {
        // Workers read BLOCKHASH from their own walk, which leaves no headers in the witness.
        AncestorHashes peek = new AncestorHashes(parent, ancestors);
        this.parallelBlock =
            parallel.startBlock(
                overlay,
                blockState,
                processor,
                execution.env,
                hashes,
                number -> {
                  synchronized (peek) {
                    return peek.apply(number);
                  }
                });
      }
      blockState.startMiniBlock();
      execution.startOfBlock();
    }

    /** The block's number. */
    public long number() {
      return parent.number() + 1;
    }

    /** The block's gas limit, as its header will say. */
    public long gasLimit() {
      return execution.header.gasLimit();
    }

    /** The block's excess blob gas (EIP-4844), as its header will say. */
    public long excessBlobGas() {
      return excessBlobGas;
    }

    /** Gas used so far. */
    public long gasUsed() {
      return execution.gasUsed;
    }

    /** How many transactions are in so far. */
    public int transactionCount() {
      return included.size();
    }

    /** The fork the block is built for. */
    public Fork fork() {
      return fork;
    }

    /**
     * The candidate for {@code tx} whose sender was already recovered from its signature under
     * {@link TransactionValidator#validate} (at ingress, on the worker pool), and whose encoding
     * and hash are known: the other stateless checks are done again for this block's fork, the
     * costly recovery is not.
     */
    public Candidate candidate(Transaction tx, Address sender, Bytes encoded, Hash hash) {
      Optional<TransactionValidity.Invalid> invalid =
          TransactionValidator.checkWithoutSignature(tx, fork, executor.chain().chainId());
      return new Candidate(
          tx,
          invalid.isPresent()
              ? invalid.get()
              : new TransactionValidity.Valid(sender, IntrinsicGas.of(tx, fork)),
          encoded,
          hash);
    }

    /** The candidate for {@code tx}, with its stateless checks done and its sender recovered. */
    public Candidate validate(Transaction tx) {
      return new Candidate(tx, TransactionValidator.validate(tx, fork, executor.chain().chainId()));
    }

    /**
     * Runs the candidates in order as the next mini-block: each valid one at its turn is included,
     * the others are skipped with the reason. The first mini-block's diff also holds the
     * start-of-block system calls' changes. Recovers each sender first ({@link #validate}).
     */
    public MiniBlock addTransactions(Iterable<Transaction> candidates) {
      List<Candidate> validated = new ArrayList<>();
      for (Transaction tx : candidates) {
        validated.add(validate(tx));
      }
      return addCandidates(validated);
    }

    /**
     * Runs the candidates in order as the next mini-block, as {@link #addTransactions} does, for
     * candidates already checked by {@link TransactionValidator#validate}: on the calling thread,
     * or in parallel if the block was opened so, with the same outcome.
     */
    public MiniBlock addCandidates(List<Candidate> candidates) {
      requireOpen();
      int firstReceipt = execution.receipts.size();
      int firstTx = included.size();
      List<Skipped> skipped = new ArrayList<>();
      ParallelMetrics metrics =
          parallelBlock == null
              ? runSerially(candidates, skipped)
              : runParallel(candidates, skipped);
      List<Receipt> receipts =
          List.copyOf(execution.receipts.subList(firstReceipt, execution.receipts.size()));
      List<Bytes> encoded = new ArrayList<>(receipts.size());
      for (Receipt receipt : receipts) {
        encoded.add(receipt.encode());
      }
      List<Candidate> added = List.copyOf(included.subList(firstTx, included.size()));
      receiptsRoot.addAll(encoded);
      transactionsRoot.addAll(added.stream().map(Candidate::encoded).toList());
      MiniBlock mini =
          new MiniBlock(
              miniBlocks++,
              added,
              receipts,
              Collections.unmodifiableList(encoded),
              blockState.miniBlockDiff(),
              skipped,
              metrics);
      blockState.startMiniBlock();
      return mini;
    }

    private ParallelMetrics runSerially(List<Candidate> candidates, List<Skipped> skipped) {
      long start = System.nanoTime();
      int executed = 0;
      for (Candidate candidate : candidates) {
        Transaction tx = candidate.tx();
        if (candidate.validity() instanceof TransactionValidity.Invalid invalid) {
          skipped.add(new Skipped(tx, invalid.message()));
          continue;
        }
        executed++;
        BlockInvalid refused =
            execution.apply(tx, (TransactionValidity.Valid) candidate.validity());
        if (refused != null) {
          skipped.add(new Skipped(tx, refused.detail()));
        } else {
          included.add(candidate);
        }
      }
      return ParallelMetrics.serial(executed, System.nanoTime() - start);
    }

    private ParallelMetrics runParallel(List<Candidate> candidates, List<Skipped> skipped) {
      List<Transaction> txs = new ArrayList<>(candidates.size());
      List<TransactionValidity.Valid> senders = new ArrayList<>(candidates.size());
      for (Candidate candidate : candidates) {
        if (candidate.validity() instanceof TransactionValidity.Valid valid) {
          txs.add(candidate.tx());
          senders.add(valid);
        }
      }
      ParallelExecutor.MiniBlockResult result = parallelBlock.execute(txs, senders, committer);
      int next = 0;
      for (Candidate candidate : candidates) {
        Transaction tx = candidate.tx();
        switch (candidate.validity()) {
          case TransactionValidity.Invalid invalid ->
              skipped.add(new Skipped(tx, invalid.message()));
          case TransactionValidity.Valid valid -> {
            switch (result.outcomes().get(next++)) {
              case ParallelExecutor.Outcome.Included in -> included.add(candidate);
              case ParallelExecutor.Outcome.Skipped out ->
                  skipped.add(new Skipped(tx, out.reason()));
            }
          }
        }
      }
      return result.metrics();
    }

    /** The block's execution at each transaction's turn, for the parallel executor. */
    private final Committer committer =
        new Committer() {
          @Override
          public String checkLimits(Transaction tx) {
            return detail(execution.checkLimits(tx));
          }

          @Override
          public String executeSerially(Transaction tx, TransactionValidity.Valid validity) {
            return detail(execution.apply(tx, validity));
          }

          @Override
          public String record(Transaction tx, TransactionResult result, LogsBloom logsBloom) {
            return detail(execution.record(tx, result, logsBloom));
          }

          private static String detail(BlockInvalid refused) {
            return refused == null ? null : refused.detail();
          }
        };

    /**
     * Applies withdrawals and the end-of-block system calls, computes the state root and the
     * header, and commits the block's changes to the state. The last mini-block's diff (the
     * withdrawals and system calls) is in {@link Built#diff()} with the rest of the block.
     */
    public Built seal() {
      requireOpen();
      sealed = true;
      execution.applyWithdrawals(attributes.withdrawals());
      Optional<Hash> requestsHash;
      try {
        requestsHash = execution.endOfBlock();
      } catch (SystemCallException e) {
        state.revertTo(0); // a recording trie state records only from the overlay's flush on
        throw new IllegalStateException("cannot build a Prague block: " + e.getMessage(), e);
      }
      if (overlay != null) {
        overlay.flush();
      }
      Hash stateRoot = state.computeRoot(executor.hashing());
      BlockHeader header =
          header(
              parent,
              attributes,
              fork,
              excessBlobGas,
              stateRoot,
              transactionsRoot.root(),
              receiptsRoot.root(),
              TrieRoots.withdrawalsRoot(attributes.withdrawals()),
              execution.gasUsed,
              execution.blobGasUsed,
              execution.bloom.build(),
              requestsHash);
      Block block =
          new Block(
              header,
              new BlockBody(
                  included.stream().map(Candidate::tx).toList(),
                  List.of(),
                  Optional.of(attributes.withdrawals())));
      CompletableFuture<Optional<ExecutionWitness>> witness =
          CompletableFuture.completedFuture(Optional.empty());
      if (recordWitness) {
        // Only ending the recording is left to this thread. Encoding the nodes (10-30 ms for a
        // block of 20,000 transfers) goes to the hashing pool while production goes on: the next
        // block's changes copy the nodes they change and leave the recorded ones as they are.
        WorldState.RecordedWitness recorded = state.endRecording();
        Executor pool = executor.hashing();
        witness =
            pool == null
                ? CompletableFuture.completedFuture(Optional.of(witness(recorded)))
                : CompletableFuture.supplyAsync(() -> Optional.of(witness(recorded)), pool);
      }
      return new Built(
          block,
          execution.receipts,
          blockState.diff(),
          witness,
          List.of(),
          new BlockEncodings(
              transactionsRoot.items(),
              included.stream().map(Candidate::hash).toList(),
              receiptsRoot.items()));
    }

    /** The block's witness from what the state recorded; any thread, once the block is sealed. */
    private ExecutionWitness witness(WorldState.RecordedWitness recorded) {
      StateWitness nodes = recorded.encode();
      if (overlay != null) {
        // The trie recorded the nodes; the codes were read from the overlay.
        nodes = new StateWitness(nodes.root(), nodes.nodes(), overlay.codesRead());
      }
      return BlockExecutor.witness(nodes, blockState.accessedKeys(), hashes.headersRead());
    }

    /** The diff of what sealing added after the last mini-block: withdrawals, system calls. */
    public StateDiff sealDiff() {
      return blockState.miniBlockDiff();
    }

    private void requireOpen() {
      if (sealed) {
        throw new IllegalStateException("block " + number() + " is already sealed");
      }
    }
  }

  private static BlockHeader header(
      BlockHeader parent,
      Attributes attributes,
      Fork fork,
      long excessBlobGas,
      Hash stateRoot,
      Hash transactionsRoot,
      Hash receiptsRoot,
      Hash withdrawalsRoot,
      long gasUsed,
      long blobGasUsed,
      LogsBloom bloom,
      Optional<Hash> requestsHash) {
    return new BlockHeader(
        parent.hash(),
        TrieRoots.EMPTY_OMMERS_HASH,
        attributes.coinbase(),
        stateRoot,
        transactionsRoot,
        receiptsRoot,
        bloom,
        UInt256.ZERO,
        parent.number() + 1,
        HeaderValidator.nextGasLimit(parent.gasLimit(), attributes.gasLimit()),
        gasUsed,
        attributes.timestamp(),
        attributes.extraData(),
        attributes.prevRandao(),
        0,
        Optional.of(BaseFee.next(parent)),
        Optional.of(withdrawalsRoot),
        Optional.of(blobGasUsed),
        Optional.of(excessBlobGas),
        Optional.of(attributes.parentBeaconBlockRoot()),
        fork.isAtLeast(Fork.PRAGUE)
            ? Optional.of(requestsHash.orElse(SystemCalls.requestsHash(List.of())))
            : Optional.empty());
  }
}
