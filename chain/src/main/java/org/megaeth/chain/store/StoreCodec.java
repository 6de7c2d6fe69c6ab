package org.megaeth.chain.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.block.BlockBody;
import org.megaeth.core.block.BlockHeader;
import org.megaeth.core.block.Receipt;
import org.megaeth.core.block.Withdrawal;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.tx.TransactionDecoder;
import org.megaeth.core.types.Hash;

/**
 * The byte layouts of the chain store's records that node-core does not define. Bodies and receipts
 * use the eth wire protocol's forms ({@code BlockBodies}, {@code Receipts} items), so a peer can be
 * served from the store without re-encoding.
 */
final class StoreCodec {
  private static final int LOCATION_SIZE = Hash.SIZE + Long.BYTES + Integer.BYTES;

  private StoreCodec() {}

  /** {@code rlp([[tx...], [ommer...], [withdrawal...]?])}, transactions as in a block. */
  /**
   * @param encodedTransactions the canonical encodings of the body's transactions
   */
  static Bytes encodeBody(BlockBody body, List<Bytes> encodedTransactions) {
    long transactionsPayload = listItemsLength(encodedTransactions);
    Bytes ommers = Rlp.encodeList(list -> body.ommers().forEach(header -> header.writeTo(list)));
    Optional<Bytes> withdrawals =
        body.withdrawals().map(ws -> Rlp.encodeList(list -> ws.forEach(wd -> wd.writeTo(list))));
    long payload =
        RlpWriter.withHeader(transactionsPayload)
            + ommers.size()
            + withdrawals.map(Bytes::size).orElse(0);
    return Rlp.encodeListExact(
        payload,
        w -> {
          w.writeListHeader(transactionsPayload);
          encodedTransactions.forEach(tx -> writeListItem(w, tx));
          w.writeRaw(ommers);
          withdrawals.ifPresent(w::writeRaw);
        });
  }

  /**
   * The length of the envelopes as items of a list ({@link #writeListItem}). A block's transactions
   * and receipts are megabytes at the sequencer's rates: sized first, they are written once into
   * one array instead of into a growing one that is then copied.
   */
  private static long listItemsLength(List<Bytes> envelopes) {
    long length = 0;
    for (Bytes envelope : envelopes) {
      length +=
          (envelope.get(0) & 0xff) >= 0xc0 ? envelope.size() : RlpWriter.stringLength(envelope);
    }
    return length;
  }

  /**
   * An EIP-2718 envelope as an item of a list on the wire: a legacy one (an RLP list) as it is, a
   * typed one (type byte first) as a string holding it.
   */
  private static void writeListItem(RlpWriter w, Bytes envelope) {
    if ((envelope.get(0) & 0xff) >= 0xc0) {
      w.writeRaw(envelope);
    } else {
      w.writeBytes(envelope);
    }
  }

  /**
   * @throws RlpException if the bytes are not a body
   */
  static BlockBody decodeBody(Bytes encoded) {
    return Rlp.decodeList(
        encoded,
        r -> {
          var txs = r.readListOf(TransactionDecoder::readBlockBodyItem);
          List<BlockHeader> ommers = r.readListOf(BlockHeader::readFrom);
          Optional<List<Withdrawal>> withdrawals =
              r.isComplete() ? Optional.empty() : Optional.of(r.readListOf(Withdrawal::readFrom));
          return new BlockBody(txs, ommers, withdrawals);
        });
  }

  /**
   * @param encodedReceipts the receipts' consensus encodings
   */
  static Bytes encodeReceipts(List<Bytes> encodedReceipts) {
    long payload = listItemsLength(encodedReceipts);
    return Rlp.encodeListExact(
        payload, w -> encodedReceipts.forEach(receipt -> writeListItem(w, receipt)));
  }

  /**
   * @throws RlpException if the bytes are not a list of receipts
   */
  static List<Receipt> decodeReceipts(Bytes encoded) {
    return Rlp.decode(encoded, r -> r.readListOf(Receipt::readFrom));
  }

  static byte[] encodeLocation(TransactionLocation location) {
    return ByteBuffer.allocate(LOCATION_SIZE)
        .put(location.blockHash().toArray())
        .putLong(location.blockNumber())
        .putInt(location.index())
        .array();
  }

  /**
   * @throws IllegalArgumentException if the bytes are not a location
   */
  static TransactionLocation decodeLocation(byte[] encoded) {
    if (encoded.length != LOCATION_SIZE) {
      throw new IllegalArgumentException(
          "it is " + encoded.length + " bytes, not " + LOCATION_SIZE);
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    byte[] hash = new byte[Hash.SIZE];
    buffer.get(hash);
    return new TransactionLocation(Hash.wrap(hash), buffer.getLong(), buffer.getInt());
  }
}
