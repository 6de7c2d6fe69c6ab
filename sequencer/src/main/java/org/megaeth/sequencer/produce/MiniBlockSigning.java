package org.megaeth.sequencer.produce;

import java.util.List;
import org.megaeth.core.api.TransactionResult;
import org.megaeth.core.crypto.Keccak;
import org.megaeth.core.diff.StateDiff;
import org.megaeth.core.diff.StateDiffCodec;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.types.Hash;

/**
 * What the sequencer signs for a mini-block: keccak256 of rlp([sequence, block number, index,
 * timestamp in microseconds, [transaction hashes], keccak256(receipts), keccak256(diff v1)]). A
 * full node that holds the mini-block can recompute it and check the signature against the
 * configured sequencer address.
 */
public final class MiniBlockSigning {
  private MiniBlockSigning() {}

  public static Hash digest(
      long sequence,
      long blockNumber,
      int index,
      long timestampMicros,
      List<TransactionResult> results,
      StateDiff diff) {
    Hash receipts =
        Keccak.hash(
            Rlp.encodeList(
                w -> {
                  for (TransactionResult result : results) {
                    w.writeRaw(result.receipt().encode());
                  }
                }));
    Hash diffHash = Keccak.hash(StateDiffCodec.encode(diff));
    return Keccak.hash(
        Rlp.encodeList(
            w -> {
              w.writeUInt64(sequence);
              w.writeUInt64(blockNumber);
              w.writeUInt64(index);
              w.writeUInt64(timestampMicros);
              w.writeList(results, (lw, r) -> lw.writeHash(r.transactionHash()));
              w.writeHash(receipts);
              w.writeHash(diffHash);
            }));
  }
}
