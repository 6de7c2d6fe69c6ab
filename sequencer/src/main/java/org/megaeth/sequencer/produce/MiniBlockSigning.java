package org.megaeth.sequencer.produce;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.crypto.Secp256k1;
import org.megaeth.core.crypto.SecretKey;
import org.megaeth.core.crypto.Signature;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Hash;

/**
 * What the sequencer signs for a mini-block: keccak256 of rlp([sequence, block number, index,
 * timestamp in microseconds, [transaction hashes], keccak256(receipts), keccak256(diff v1)]). A
 * full node that holds the mini-block can recompute it and check the signature against the
 * configured sequencer address.
 */
public final class MiniBlockSigning {
  private MiniBlockSigning() {}

  /** The sequencer's signature over a published mini-block's {@link #digest}. */
  public static Signature sign(Publication.MiniBlockOut miniBlock, SecretKey key) {
    return Secp256k1.sign(digest(miniBlock), key);
  }

  /** The {@link #digest} of a published mini-block. */
  public static Hash digest(Publication.MiniBlockOut miniBlock) {
    return digest(
        miniBlock.sequence(),
        miniBlock.blockNumber(),
        miniBlock.index(),
        miniBlock.timestampMicros(),
        miniBlock.results().stream().map(TransactionResult::transactionHash).toList(),
        miniBlock.encodedReceipts(),
        miniBlock.diff());
  }

  /**
   * @param transactionHashes the mini-block's transactions, in order
   * @param encodedReceipts their receipts' consensus encodings, in order
   */
  public static Hash digest(
      long sequence,
      long blockNumber,
      int index,
      long timestampMicros,
      List<Hash> transactionHashes,
      List<Bytes> encodedReceipts,
      StateDiff diff) {
    Hash receipts = Rlp.hashOfEncodedList(encodedReceipts);
    Hash diffHash = Keccak.hash(StateDiffCodec.encode(diff));
    return Keccak.hash(
        Rlp.encodeList(
            w -> {
              w.writeUInt64(sequence);
              w.writeUInt64(blockNumber);
              w.writeUInt64(index);
              w.writeUInt64(timestampMicros);
              w.writeList(transactionHashes, RlpWriter::writeHash);
              w.writeHash(receipts);
              w.writeHash(diffHash);
            }));
  }
}
