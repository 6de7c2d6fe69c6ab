package org.megaeth.core.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;

/**
 * A transaction's outcome, known as soon as its mini-block is out (preconfirmed) and final once its
 * block is sealed: what a receipt shows, with the fields that need the block's context already
 * computed by the producer, which knows them for free.
 *
 * @param transactionHash the transaction's hash
 * @param sender the recovered sender
 * @param receipt the consensus receipt (status, cumulative gas, bloom, logs)
 * @param gasUsed the gas this transaction used (the receipt's cumulative gas minus the previous)
 * @param effectiveGasPrice the price per gas paid under the block's base fee
 * @param contractAddress the created contract's address for a creation
 * @param blockNumber the EVM block the transaction is in
 * @param blockTimestamp the block's timestamp in seconds
 * @param transactionIndex the index in the EVM block
 * @param firstLogIndex the block-wide index of the transaction's first log
 * @param miniBlockIndex the index of its mini-block within the EVM block; empty where not known (a
 *     receipt derived from a sealed block after a restart)
 * @param blobGasUsed EIP-4844 blob gas; zero for other types
 * @param blobGasPrice the blob base fee of the block, for blob transactions
 * @param blockHash the block's hash, known only once the block is sealed
 */
public record TransactionResult(
    Transaction transaction,
    Hash transactionHash,
    Address sender,
    Receipt receipt,
    long gasUsed,
    Wei effectiveGasPrice,
    Optional<Address> contractAddress,
    long blockNumber,
    long blockTimestamp,
    int transactionIndex,
    int firstLogIndex,
    OptionalInt miniBlockIndex,
    long blobGasUsed,
    Optional<Wei> blobGasPrice,
    Optional<Hash> blockHash) {

  public TransactionResult {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
    Objects.requireNonNull(contractAddress, "contractAddress");
    Objects.requireNonNull(miniBlockIndex, "miniBlockIndex");
    Objects.requireNonNull(blobGasPrice, "blobGasPrice");
    Objects.requireNonNull(blockHash, "blockHash");
  }

  /** This result with the block hash its sealed block got. */
  public TransactionResult sealedIn(Hash sealedBlockHash) {
    return new TransactionResult(
        transaction,
        transactionHash,
        sender,
        receipt,
        gasUsed,
        effectiveGasPrice,
        contractAddress,
        blockNumber,
        blockTimestamp,
        transactionIndex,
        firstLogIndex,
        miniBlockIndex,
        blobGasUsed,
        blobGasPrice,
        Optional.of(sealedBlockHash));
  }
}
