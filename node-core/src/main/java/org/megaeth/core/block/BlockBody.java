package org.megaeth.core.block;

import java.util.List;
import java.util.Optional;
import org.megaeth.core.rlp.RlpReader;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.tx.Transaction;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.tx.TransactionEncoder;

/**
 * What a block carries besides its header: the transactions in order, the ommer (uncle) headers,
 * which must be empty after the merge but are kept so that any block decodes and its error can be
 * named, and the EIP-4895 withdrawals from Shanghai on.
 */
public record BlockBody(
    List<Transaction> transactions,
    List<BlockHeader> ommers,
    Optional<List<Withdrawal>> withdrawals) {

  public static final BlockBody EMPTY = new BlockBody(List.of(), List.of(), Optional.of(List.of()));

  public BlockBody {
    transactions = List.copyOf(transactions);
    ommers = List.copyOf(ommers);
    withdrawals = withdrawals.map(List::copyOf);
  }

  /** Writes the body's fields (not wrapped in a list of their own): txs, ommers, withdrawals. */
  void writeFieldsTo(RlpWriter w) {
    w.writeList(txs -> transactions.forEach(tx -> TransactionEncoder.writeBlockBodyItem(txs, tx)));
    w.writeList(list -> ommers.forEach(header -> header.writeTo(list)));
    withdrawals.ifPresent(ws -> w.writeList(list -> ws.forEach(wd -> wd.writeTo(list))));
  }

  /** Reads the body's fields from a block list, after the header. */
  static BlockBody readFieldsFrom(RlpReader r) {
    List<Transaction> txs = r.readListOf(TransactionDecoder::readBlockBodyItem);
    List<BlockHeader> ommers = r.readListOf(BlockHeader::readFrom);
    Optional<List<Withdrawal>> withdrawals =
        r.isComplete() ? Optional.empty() : Optional.of(r.readListOf(Withdrawal::readFrom));
    return new BlockBody(txs, ommers, withdrawals);
  }
}
