package org.megaeth.chain.exec;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.Block;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.types.Hash;

/**
 * A block's transactions and receipts in their consensus encodings, with the transactions' hashes:
 * what a block builder has already made, handed to the store so that it does not encode and hash
 * every transaction again.
 *
 * @param transactions each transaction's canonical encoding, in block order
 * @param transactionHashes keccak256 of each of those
 * @param receipts each receipt's consensus encoding, in block order
 */
public record BlockEncodings(
    List<Bytes> transactions, List<Hash> transactionHashes, List<Bytes> receipts) {
  public BlockEncodings {
    transactions = List.copyOf(transactions);
    transactionHashes = List.copyOf(transactionHashes);
    receipts = List.copyOf(receipts);
    if (transactions.size() != transactionHashes.size() || transactions.size() != receipts.size()) {
      throw new IllegalArgumentException(
          "%d transactions, %d hashes and %d receipts"
              .formatted(transactions.size(), transactionHashes.size(), receipts.size()));
    }
  }

  /** Encodes and hashes what the block and its receipts hold. */
  public static BlockEncodings of(Block block, List<Receipt> receipts) {
    List<Bytes> txs = new ArrayList<>(block.body().transactions().size());
    List<Hash> hashes = new ArrayList<>(txs.size());
    for (Transaction tx : block.body().transactions()) {
      Bytes encoded = tx.encoded();
      txs.add(encoded);
      hashes.add(Keccak.hash(encoded));
    }
    List<Bytes> encodedReceipts = new ArrayList<>(receipts.size());
    for (Receipt receipt : receipts) {
      encodedReceipts.add(receipt.encode());
    }
    return new BlockEncodings(txs, hashes, encodedReceipts);
  }
}
