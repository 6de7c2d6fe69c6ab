package org.megaeth.rpc.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.megaeth.core.api.ChainReader;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.tx.BlobTransaction;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;
import org.megaeth.core.types.Wei;
import org.megaeth.evm.frame.FrameRunner;

/**
 * Derives the fields a receipt object shows but the consensus receipt does not hold: sender, gas
 * used by the transaction alone, effective gas price, created contract, log indexes, blob gas, as
 * geth's {@code DeriveFields} does.
 */
public final class BlockReceipts {
  private final ChainReader chain;
  private final Senders senders;

  public BlockReceipts(ChainReader chain, Senders senders) {
    this.chain = chain;
    this.senders = senders;
  }

  /** Every result of a sealed block; empty when the block or its receipts are unknown. */
  public Optional<List<TransactionResult>> results(Block block, Hash blockHash) {
    Optional<List<Receipt>> receipts = chain.receipts(blockHash);
    if (receipts.isEmpty()) {
      return Optional.empty();
    }
    List<Transaction> txs = block.body().transactions();
    List<Receipt> list = receipts.get();
    if (list.size() != txs.size()) {
      throw new IllegalStateException(
          "block %s has %d transactions and %d receipts"
              .formatted(blockHash, txs.size(), list.size()));
    }
    List<TransactionResult> results = new ArrayList<>(txs.size());
    int logIndex = 0;
    for (int i = 0; i < txs.size(); i++) {
      results.add(result(block, blockHash, list, i, logIndex));
      logIndex += list.get(i).logs().size();
    }
    return Optional.of(results);
  }

  /** The result of transaction {@code index} of a sealed block; empty when receipts are unknown. */
  public Optional<TransactionResult> result(Block block, Hash blockHash, int index) {
    Optional<List<Receipt>> receipts = chain.receipts(blockHash);
    if (receipts.isEmpty() || index >= receipts.get().size()) {
      return Optional.empty();
    }
    int logIndex = 0;
    for (int i = 0; i < index; i++) {
      logIndex += receipts.get().get(i).logs().size();
    }
    return Optional.of(result(block, blockHash, receipts.get(), index, logIndex));
  }

  private TransactionResult result(
      Block block, Hash blockHash, List<Receipt> receipts, int index, int firstLogIndex) {
    BlockHeader header = block.header();
    Transaction tx = block.body().transactions().get(index);
    Receipt receipt = receipts.get(index);
    long before = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
    Address sender = senders.sender(block, blockHash, index);
    Wei price =
        header
            .baseFeePerGas()
            .map(fee -> tx.effectiveGasPrice(Wei.of(fee)))
            .orElse(tx.maxFeePerGas());
    Optional<Address> created =
        tx.isContractCreation()
            ? Optional.of(FrameRunner.createAddress(sender, tx.nonce()))
            : Optional.empty();
    Optional<Wei> blobGasPrice =
        tx instanceof BlobTransaction
            ? Optional.of(Fees.blobBaseFee(chain, header))
            : Optional.empty();
    return new TransactionResult(
        tx,
        tx.hash(),
        sender,
        receipt,
        receipt.cumulativeGasUsed() - before,
        price,
        created,
        header.number(),
        header.timestamp(),
        index,
        firstLogIndex,
        OptionalInt.empty(),
        tx.blobGas(),
        blobGasPrice,
        Optional.of(blockHash));
  }
}
