package org.megaeth.sequencer.log;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.megaeth.core.rlp.Rlp;
import org.megaeth.core.rlp.RlpException;
import org.megaeth.core.rlp.RlpWriter;
import org.megaeth.core.types.Address;
import org.megaeth.core.types.Hash;

/**
 * What the sequencer writes to its write-ahead log: the inputs of block production, not its
 * outputs. Execution is deterministic, so re-running the logged mini-blocks in order on the state
 * of the newest snapshot gives back exactly the receipts, diffs, witnesses and roots that were
 * served; logging inputs keeps a record at a few hundred bytes per transaction and the log thread
 * out of the way of execution.
 *
 * <p>Each record encodes as one type byte and an RLP payload.
 */
public sealed interface LogRecord
    permits LogRecord.BlockOpened, LogRecord.MiniBlockLogged, LogRecord.BlockSealed {
  byte BLOCK_OPENED = 1;
  byte MINI_BLOCK = 2;
  byte BLOCK_SEALED = 3;

  long blockNumber();

  /** The type byte stored with the record. */
  byte type();

  /** The record's payload, without the type byte. */
  Bytes payload();

  /** A block was started: everything of its header that the producer chose rather than computed. */
  record BlockOpened(
      long blockNumber,
      Hash parentHash,
      long timestamp,
      Address coinbase,
      Hash prevRandao,
      long gasLimit,
      Bytes extraData)
      implements LogRecord {
    public BlockOpened {
      Objects.requireNonNull(parentHash, "parentHash");
      Objects.requireNonNull(coinbase, "coinbase");
      Objects.requireNonNull(prevRandao, "prevRandao");
      Objects.requireNonNull(extraData, "extraData");
    }

    @Override
    public byte type() {
      return BLOCK_OPENED;
    }

    @Override
    public Bytes payload() {
      return Rlp.encodeList(
          w -> {
            w.writeUInt64(blockNumber);
            w.writeHash(parentHash);
            w.writeUInt64(timestamp);
            w.writeAddress(coinbase);
            w.writeHash(prevRandao);
            w.writeUInt64(gasLimit);
            w.writeBytes(extraData);
          });
    }
  }

  /**
   * A mini-block: the transactions it included, in order, each as its canonical encoding. Only
   * included transactions are logged: the skipped ones changed nothing.
   */
  record MiniBlockLogged(
      long blockNumber, int index, long sequence, long timestampMicros, List<Bytes> transactions)
      implements LogRecord {
    public MiniBlockLogged {
      transactions = List.copyOf(transactions);
    }

    @Override
    public byte type() {
      return MINI_BLOCK;
    }

    /** Sized exactly first: a mini-block's record is tens of kilobytes, and grown it was copied. */
    @Override
    public Bytes payload() {
      long transactionsPayload = 0;
      for (Bytes tx : transactions) {
        transactionsPayload += RlpWriter.stringLength(tx);
      }
      long payload =
          RlpWriter.uint64Length(blockNumber)
              + RlpWriter.uint64Length(index)
              + RlpWriter.uint64Length(sequence)
              + RlpWriter.uint64Length(timestampMicros)
              + RlpWriter.withHeader(transactionsPayload);
      long items = transactionsPayload;
      return Rlp.encodeListExact(
          payload,
          w -> {
            w.writeUInt64(blockNumber);
            w.writeUInt64(index);
            w.writeUInt64(sequence);
            w.writeUInt64(timestampMicros);
            w.writeListHeader(items);
            transactions.forEach(w::writeBytes);
          });
    }
  }

  /** The block was sealed with this hash; nothing more goes into it. */
  record BlockSealed(long blockNumber, Hash hash) implements LogRecord {
    public BlockSealed {
      Objects.requireNonNull(hash, "hash");
    }

    @Override
    public byte type() {
      return BLOCK_SEALED;
    }

    @Override
    public Bytes payload() {
      return Rlp.encodeList(
          w -> {
            w.writeUInt64(blockNumber);
            w.writeHash(hash);
          });
    }
  }

  /**
   * Reads a record back.
   *
   * @throws CorruptLogException when the type is unknown or the payload does not decode
   */
  static LogRecord decode(byte type, Bytes payload) throws CorruptLogException {
    try {
      return switch (type) {
        case BLOCK_OPENED ->
            Rlp.decodeList(
                payload,
                r ->
                    new BlockOpened(
                        r.readUInt64(),
                        r.readHash(),
                        r.readUInt64(),
                        r.readAddress(),
                        r.readHash(),
                        r.readUInt64(),
                        r.readBytes()));
        case MINI_BLOCK ->
            Rlp.decodeList(
                payload,
                r ->
                    new MiniBlockLogged(
                        r.readUInt64(),
                        Math.toIntExact(r.readUInt64()),
                        r.readUInt64(),
                        r.readUInt64(),
                        r.readListOf(lr -> lr.readBytes())));
        case BLOCK_SEALED ->
            Rlp.decodeList(payload, r -> new BlockSealed(r.readUInt64(), r.readHash()));
        default -> throw new CorruptLogException("unknown log record type " + type);
      };
    } catch (RlpException | ArithmeticException | IllegalArgumentException e) {
      throw new CorruptLogException(
          "log record of type %d does not decode: %s".formatted(type, e.getMessage()));
    }
  }
}
