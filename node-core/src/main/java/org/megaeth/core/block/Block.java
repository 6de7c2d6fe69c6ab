package org.megaeth.core.block;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.tx.LegacyTransaction;
import org.megaeth.core.types.Hash;

/**
 * A block as on the wire and in a chain file: {@code rlp([header, transactions, ommers,
 * withdrawals])}, the withdrawals list present from Shanghai on.
 */
public record Block(BlockHeader header, BlockBody body) {
  public Block {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
  }

  public Hash hash() {
    return header.hash();
  }

  public long number() {
    return header.number();
  }

  public Bytes encode() {
    return Rlp.encodeList(
        w -> {
          header.writeTo(w);
          body.writeFieldsTo(w);
        });
  }

  /**
   * The length of {@link #encode()}, added up from the parts, given the transactions' canonical
   * encodings (which whoever built or stored the block already has): encoding the block again would
   * encode every transaction again.
   *
   * @param transactionEncodings each transaction's {@code encoded()}, in block order
   */
  public int encodedSize(List<Bytes> transactionEncodings) {
    if (transactionEncodings.size() != body.transactions().size()) {
      throw new IllegalArgumentException(
          "%d encodings for %d transactions"
              .formatted(transactionEncodings.size(), body.transactions().size()));
    }
    long transactions = 0;
    for (int i = 0; i < transactionEncodings.size(); i++) {
      int length = transactionEncodings.get(i).size();
      // EIP-2718: a typed transaction is an RLP string in the body; a legacy one is its list.
      transactions +=
          body.transactions().get(i) instanceof LegacyTransaction
              ? length
              : RlpWriter.withHeader(length);
    }
    long ommers = 0;
    for (BlockHeader ommer : body.ommers()) {
      ommers += ommer.encode().size();
    }
    long payload =
        header.encode().size() + RlpWriter.withHeader(transactions) + RlpWriter.withHeader(ommers);
    if (body.withdrawals().isPresent()) {
      long withdrawals = 0;
      for (Withdrawal w : body.withdrawals().get()) {
        withdrawals += Rlp.encode(w::writeTo).size();
      }
      payload += RlpWriter.withHeader(withdrawals);
    }
    return Math.toIntExact(RlpWriter.withHeader(payload));
  }

  /**
   * Decodes one block from its full RLP encoding.
   *
   * @throws RlpException if it is malformed, has trailing bytes or more fields than a block has
   */
  public static Block decode(Bytes rlp) {
    return Rlp.decode(
        rlp,
        r ->
            r.readList(
                fields -> {
                  BlockHeader header = BlockHeader.readFrom(fields);
                  BlockBody body = BlockBody.readFieldsFrom(fields);
                  if (!fields.isComplete()) {
                    throw new RlpException("block has more fields than any known fork defines");
                  }
                  return new Block(header, body);
                }));
  }
}
