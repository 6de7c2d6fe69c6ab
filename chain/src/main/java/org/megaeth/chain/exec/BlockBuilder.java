package org.megaeth.chain.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.chain.exec.SystemCalls.SystemCallException;
import org.megaeth.chain.state.BlockState;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.fork.Fork;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionValidator;
import org.megaeth.core.tx.TransactionValidity;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.UInt256;
import org.megaeth.core.witness.ExecutionWitness;
import org.megaeth.evm.tx.TransactionProcessor;
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

  /** The block, its receipts and artifacts, and the candidates left out. */
  public record Built(
      Block block,
      List<Receipt> receipts,
      StateDiff diff,
      Optional<ExecutionWitness> witness,
      List<Skipped> skipped) {}

  /**
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
    BlobSchedule blobs = BlobSchedule.of(fork);
    long excessBlobGas =
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
            org.megaeth.core.block.LogsBloom.EMPTY,
            Optional.empty());

    AncestorHashes hashes = new AncestorHashes(parent, ancestors);
    if (recordWitness) {
      state.startRecording();
    }
    BlockState blockState = new BlockState(state, recordWitness);
    BlockExecutor.Execution execution =
        new BlockExecutor.Execution(
            processor, draft, hashes, blockState, executor.chain().chainId(), executor.codeCache());
    execution.startOfBlock();
    List<Transaction> included = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Transaction tx : candidates) {
      TransactionValidity validity =
          TransactionValidator.validate(tx, fork, executor.chain().chainId());
      if (validity instanceof TransactionValidity.Invalid invalid) {
        skipped.add(new Skipped(tx, invalid.message()));
        continue;
      }
      BlockInvalid refused = execution.apply(tx, (TransactionValidity.Valid) validity);
      if (refused != null) {
        skipped.add(new Skipped(tx, refused.detail()));
      } else {
        included.add(tx);
      }
    }
    execution.applyWithdrawals(attributes.withdrawals());
    Optional<Hash> requestsHash;
    try {
      requestsHash = execution.endOfBlock();
    } catch (SystemCallException e) {
      state.revertTo(0);
      if (recordWitness) {
        state.stopRecording();
      }
      throw new IllegalStateException("cannot build a Prague block: " + e.getMessage(), e);
    }
    Hash stateRoot = state.computeRoot(executor.hashing());
    BlockHeader header =
        header(
            parent,
            attributes,
            fork,
            excessBlobGas,
            stateRoot,
            TrieRoots.transactionsRoot(included),
            TrieRoots.receiptsRoot(execution.receipts),
            TrieRoots.withdrawalsRoot(attributes.withdrawals()),
            execution.gasUsed,
            execution.blobGasUsed,
            execution.bloom.build(),
            requestsHash);
    Block block =
        new Block(
            header, new BlockBody(included, List.of(), Optional.of(attributes.withdrawals())));
    Optional<ExecutionWitness> witness =
        recordWitness
            ? Optional.of(
                BlockExecutor.witness(
                    state.stopRecording(), blockState.accessedKeys(), hashes.headersRead()))
            : Optional.empty();
    return new Built(block, execution.receipts, blockState.diff(), witness, skipped);
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
      org.megaeth.core.block.LogsBloom bloom,
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
