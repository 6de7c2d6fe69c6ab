package org.megaeth.core.api;

import java.util.List;
import java.util.Optional;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.fork.ChainConfig;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.witness.ExecutionWitness;

/**
 * The sealed chain: headers, bodies, receipts and indexes of the canonical EVM blocks. Nothing here
 * shows a mini-block that is not yet sealed, so whatever it returns stays true (the sequencer never
 * reorganises). Thread-safe; every method returns immutable values and never blocks for long.
 */
public interface ChainReader {

  /** The chain id and fork schedule. */
  ChainConfig chainConfig();

  /** The newest sealed block's header (the genesis header before any block is sealed). */
  BlockHeader head();

  /** The newest block whose data is published to DA ({@code safe}); 0 until one is. */
  long safeNumber();

  /** The newest block attested by the prover quorum ({@code finalized}); 0 until one is. */
  long finalizedNumber();

  /** A canonical sealed block's header by number; empty above the head. */
  Optional<BlockHeader> header(long number);

  /** A sealed block's header by hash. */
  Optional<BlockHeader> header(Hash blockHash);

  /** A canonical sealed block by number; empty above the head. */
  Optional<Block> block(long number);

  /** A sealed block by hash. */
  Optional<Block> block(Hash blockHash);

  /** The consensus receipts of a sealed block, in transaction order; empty for an unknown block. */
  Optional<List<Receipt>> receipts(Hash blockHash);

  /** Where a transaction of a sealed block is; empty for an unknown or not yet sealed one. */
  Optional<TransactionLocation> transactionLocation(Hash transactionHash);

  /**
   * The sender of transaction {@code index} in a sealed block when the node kept it from execution;
   * empty when it did not, and the caller recovers it from the signature.
   */
  Optional<Address> sender(Hash blockHash, int index);

  /** The execution witness of a sealed block when the node kept it. */
  Optional<ExecutionWitness> witness(Hash blockHash);

  /** Progress while catching up with the chain; empty when in sync (always, on the sequencer). */
  default Optional<SyncProgress> syncProgress() {
    return Optional.empty();
  }

  /**
   * How far a catching-up node is, as {@code eth_syncing} reports it.
   *
   * @param startingBlock the head when the catch-up began
   * @param currentBlock the current head
   * @param highestBlock the highest block known to exist
   */
  record SyncProgress(long startingBlock, long currentBlock, long highestBlock) {}
}
